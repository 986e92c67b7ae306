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

    /** A new XLSX builder; the first sheet ({@code Sheet1}) is made when first needed. */
    public static XlsxFixture xlsx() {
        return new XlsxFixture();
    }

    /** A new PPTX builder; the first slide is made when first needed. */
    public static PptxFixture pptx() {
        return new PptxFixture();
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
