/**
 * The PPTX adapter ({@link dev.marking.core.format.pptx.PptxFormat}) over Apache POI's XSLF.
 *
 * <p>{@code PptxReader} reads each slide with what its layout and master show on it ({@code PptxSheets}),
 * its notes and comments ({@code ModernComments} for PowerPoint 365's threaded ones). {@code PptxStamper}
 * adds text boxes named {@code marking.*} ({@code OurShapes}) to the masters, to layouts and slides that
 * hide their master's shapes, and the block to the first slide; a restamp removes every shape so named.
 */
package dev.marking.core.format.pptx;
