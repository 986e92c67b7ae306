package dev.marking.core.format;

/** What a format divides a document into, for running text and for messages. */
public enum Unit {
    /** A word-processing section (DOCX, ODT): its own headers, footers and page setup. */
    SECTION,
    /** A fixed-layout page (PDF, OFD, page images). */
    PAGE,
    /** A workbook sheet (XLSX, ODS). */
    SHEET,
    /** A presentation slide (PPTX, ODP). */
    SLIDE,
    /** The whole file, for formats without units (plain text, Markdown). */
    FILE
}
