package dev.marking.core.testing;

/** Entry points for building small real documents in tests: {@code Fixtures.docx().paragraph("…").build(dir)}. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A new DOCX builder with one empty section. */
    public static DocxFixture docx() {
        return new DocxFixture();
    }

    /** A new OFD builder; lines go onto the first page until {@link OfdFixture#page()} starts another. */
    public static OfdFixture ofd() {
        return new OfdFixture();
    }

    /** A new XLSX builder; the first sheet ({@code Sheet1}) is made when first needed. */
    public static XlsxFixture xlsx() {
        return new XlsxFixture();
    }

    /** A new PPTX builder; the first slide is made when first needed. */
    public static PptxFixture pptx() {
        return new PptxFixture();
    }
}
