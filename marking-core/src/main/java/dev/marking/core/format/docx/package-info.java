/**
 * The DOCX adapter ({@link dev.marking.core.format.docx.DocxFormat}) over Apache POI.
 *
 * <p>Reading works on the WordprocessingML DOM: {@code PartReader} walks a story (body, header,
 * footer) paragraph by paragraph, {@code ParagraphText} decides what is visible, {@code Sections}
 * resolves which header and footer parts Word shows per section, {@code Watermarks} finds watermark
 * shapes. Stamping inserts {@code Fragments} (block-level content controls tagged {@code marking.*},
 * see {@code OurContent}) so a restamp can find and replace exactly what we added.
 *
 * <p>Numbered copies ({@code DocxCopies}) stamp {@code CopyTexts} placeholders once into a
 * {@code CopyTemplate} and splice each copy's values into a precompressed package ({@code StoredZip}).
 * Each copy carries a {@code CovertMark} in zero-width characters in its running header and footer.
 */
package dev.marking.core.format.docx;
