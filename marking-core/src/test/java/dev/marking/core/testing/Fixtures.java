package dev.marking.core.testing;

import java.nio.file.Path;

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

    /** The shared test material ({@code ../shared}): system property {@code marking.shared}, else beside the project. */
    public static Path shared() {
        String configured = System.getProperty("marking.shared");
        if (configured != null && !configured.isBlank() && !configured.contains("${")) {
            return Path.of(configured);
        }
        return Path.of("..", "..", "shared");
    }
}
