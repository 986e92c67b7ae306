/**
 * Page images kept as documents (TIFF, JPEG, PNG) through the JDK's ImageIO: read by OCR
 * ({@link dev.marking.core.format.ocr.ScanReader}), never stamped.
 */
package dev.marking.core.format.image;
