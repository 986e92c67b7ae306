/**
 * OCR for pages without text of their own (scanned PDF pages, page images), shared by the adapters
 * that have such pages.
 *
 * <p>{@link dev.marking.core.format.ocr.ScanReader} renders each page (through the adapter's
 * {@link dev.marking.core.format.ocr.PageImages}) at 300 dpi, turns it upright by Tesseract's orientation
 * detection, and hands the whole first page and the top and bottom bands of the others to the Tesseract
 * program ({@code chi_sim+chi_tra}) in one child process per document, under a time limit.
 * {@link dev.marking.core.format.ocr.ScanLayout} places the lines read into the read model (body, running
 * header and footer by position, the first page's top), each location marked as read by OCR with the
 * line's confidence. The program runs as a separate process, not through a native binding, so that a
 * crash or a hang in it costs one page, not the JVM.
 */
package dev.marking.core.format.ocr;
