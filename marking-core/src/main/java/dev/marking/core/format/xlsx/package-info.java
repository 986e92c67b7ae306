/**
 * The XLSX adapter ({@link dev.marking.core.format.xlsx.XlsxFormat}) over Apache POI's XSSF.
 *
 * <p>{@code SheetPage} is one sheet as it prints (worksheet or chart sheet): its header and footer strings
 * per variant and its header drawing. {@code HeaderFooterText} splits Excel's header codes into the left,
 * centre and right sections and says what a reader sees. {@code XlsxReader} reads cells, notes, shapes,
 * names and headers; {@code XlsxStamper} writes the mark and copy number as lines of our own in those
 * sections and the watermark as a header picture ({@code HeaderPictures}, drawn by
 * {@code WatermarkPicture}); a restamp finds them by their text and the pictures by their title.
 */
package dev.marking.core.format.xlsx;
