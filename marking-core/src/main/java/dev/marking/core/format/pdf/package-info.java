/**
 * PDF adapter (PDFBox 3).
 *
 * <p>Stamping appends two content streams to every page, both tagged {@code /MarkingStamp true} in
 * their stream dictionaries: a leading {@code q} and a trailing {@code Q …stamp…}. Each piece of the
 * stamp is wrapped in {@code /Artifact <</Type /Pagination /Subtype /Header /MarkingStamp /header>> BDC
 * … EMC} (roles {@code header}, {@code footer}, {@code watermark}, {@code block}); resources we add are
 * named {@code MarkingStamp…}. Reading routes text inside those sequences (or inside a Form XObject
 * whose name starts with {@code MarkingStamp}) to the page's slot and keeps it out of the body;
 * restamping removes the tagged streams, cuts our sequences out of streams another tool merged, and
 * drops our resources and {@code marking.*} metadata before drawing again.
 *
 * <p>Layout is computed in reader coordinates ({@link dev.marking.core.format.pdf.PageFrame}: the crop
 * box turned by {@code /Rotate}) and mapped into user space with one {@code cm}, so rotated, cropped and
 * off-origin pages get the block top left as the reader sees it.
 *
 * <p>Numbered copies ({@link dev.marking.core.format.pdf.CopyTemplate}): the trailing stream only paints
 * {@code /MarkingStampCopy<i> Do}, a Form XObject per distinct page layout whose pieces carry their own
 * roles; a copy is a base stamped once plus an incremental update replacing those forms, Info and XMP.
 * Every stamp with a copy number also draws it as a {@link dev.marking.core.format.pdf.CovertMark}.
 *
 * <p>A page's own ink is looked at in two ways, for two questions. {@link dev.marking.core.format.pdf.PageInk}
 * replays the content stream as vectors to tell what covers what (the redaction scan: a box over text).
 * {@link dev.marking.core.format.pdf.InkMap} renders the page, our earlier stamp taken off, to tell where
 * our marks may go ({@link dev.marking.core.format.pdf.PagePlanner}, {@code --layout}): only a rendering sees
 * what clips, patterns and annotation appearances finally leave on the paper. Replays that look at only
 * part of what a page draws (its text, to cut an earlier marking out: {@link dev.marking.core.format.pdf.TextCutter};
 * the small squares of our covert mark) extend {@link dev.marking.core.format.pdf.PathlessEngine}, which by
 * default ignores paths, images, clips and shadings.
 */
package dev.marking.core.format.pdf;
