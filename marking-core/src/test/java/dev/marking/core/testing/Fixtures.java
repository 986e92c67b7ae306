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
}
