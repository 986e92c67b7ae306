package dev.marking.core.testing;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * One small unmarked document per format id, built in code (or, for Word and PowerPoint 97–2003 and ODF, converted
 * by LibreOffice from one built in code; for page images, scanned from a PDF built in code), for tests that must cover
 * every format the registry knows: they iterate over {@code FormatRegistry.standard().formats()} and ask here for each
 * format's sample, so a format registered later is covered as soon as its id has a builder below (and such a test
 * fails, naming the id, until it has one). Samples hold the same body text and no mark; tests make marked variants by
 * stamping them.
 */
public final class FormatSamples {

    /** The body every sample holds. */
    public static final String TITLE = "关于项目进展情况的汇报";

    /** Writes one unmarked document to {@code file} (its name has the format's usual extension). */
    @FunctionalInterface
    public interface Builder {
        Path write(Path file) throws Exception;
    }

    private static final Map<String, Builder> BUILDERS = Map.ofEntries(
            Map.entry("docx", file -> Fixtures.docx().paragraph(TITLE).paragraph("正文第一段。").build(file)),
            Map.entry("pdf", FormatSamples::pdf),
            Map.entry("ofd", file -> Fixtures.ofd().page().line(TITLE).line("正文第一段。").build(file)),
            Map.entry("text", file -> Files.writeString(file, TITLE + "\n\n正文第一段。\n")),
            Map.entry("xlsx", FormatSamples::xlsx),
            Map.entry("pptx", FormatSamples::pptx),
            Map.entry("xls", FormatSamples::xls),
            Map.entry("et", FormatSamples::xls),
            Map.entry("ppt", file -> converted(file, "ppt", "pptx", FormatSamples::pptx)),
            Map.entry("dps", file -> converted(file, "ppt", "pptx", FormatSamples::pptx)),
            Map.entry("rtf", FormatSamples::rtf),
            Map.entry("doc", file -> converted(file, "doc", "docx", FormatSamples::docxFor)),
            Map.entry("wps", file -> converted(file, "doc", "docx", FormatSamples::docxFor)),
            Map.entry("odt", file -> converted(file, "odt", "docx", FormatSamples::docxFor)),
            Map.entry("ods", file -> converted(file, "ods", "xlsx", FormatSamples::xlsx)),
            Map.entry("odp", file -> converted(file, "odp", "pptx", FormatSamples::pptx)),
            Map.entry("image", FormatSamples::image));

    private FormatSamples() {
    }

    /** The builder for format {@code id}, if there is one. */
    public static Optional<Builder> of(String id) {
        return Optional.ofNullable(BUILDERS.get(id));
    }

    /** Every format id with a sample. */
    public static Set<String> ids() {
        return new TreeSet<>(BUILDERS.keySet());
    }

    private static Path pdf(Path file) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                cs.newLineAtOffset(72, 700);
                cs.showText("Report on the progress of the project");
                cs.endText();
            }
            doc.save(file.toFile());
        }
        return file;
    }

    private static Path xlsx(Path file) throws IOException {
        return workbook(new XSSFWorkbook(), file);
    }

    private static Path xls(Path file) throws IOException {
        return workbook(new HSSFWorkbook(), file);
    }

    private static Path workbook(Workbook wb, Path file) throws IOException {
        try (wb; OutputStream out = Files.newOutputStream(file)) {
            var sheet = wb.createSheet("表一");
            sheet.createRow(0).createCell(0).setCellValue(TITLE);
            sheet.createRow(1).createCell(0).setCellValue("正文第一段。");
            wb.write(out);
        }
        return file;
    }

    private static Path pptx(Path file) throws IOException {
        try (XMLSlideShow show = new XMLSlideShow(); OutputStream out = Files.newOutputStream(file)) {
            XSLFTextBox box = show.createSlide().createTextBox();
            box.setAnchor(new Rectangle(50, 100, 600, 80));
            box.setText(TITLE);
            show.write(out);
        }
        return file;
    }

    /** RTF with the title as Unicode escapes (RTF itself is 7-bit). */
    private static Path rtf(Path file) throws IOException {
        StringBuilder sb = new StringBuilder("{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0 SimSun;}}\\f0 ");
        TITLE.chars().forEach(c -> sb.append("\\u").append(c).append('?'));
        sb.append("\\par}\n");
        return Files.writeString(file, sb.toString(), StandardCharsets.US_ASCII);
    }

    /** A page image: the sample's lines printed in a CJK font on A4 and scanned at 200 dpi into a PNG (read by OCR). */
    private static Path image(Path file) throws IOException {
        Path work = Files.createTempDirectory("sample");
        Path pdf = Scans.document(work.resolve("page.pdf"), List.of(List.of(TITLE, "正文第一段。")));
        return Scans.png(file, Scans.scan(pdf, 1, 200, Scans.Noise.NONE, 1));
    }

    private static Path docxFor(Path file) {
        return Fixtures.docx().paragraph(TITLE).paragraph("正文第一段。").build(file);
    }

    /** {@code file}: what LibreOffice makes of a {@code from} sample written by {@code source}, as {@code extension}. */
    private static Path converted(Path file, String extension, String from, Builder source) throws Exception {
        Path work = Files.createTempDirectory("sample");
        Path input = source.write(work.resolve("sample." + from));
        Path out = new LibreOffice(work).convert(input, extension, work.resolve("out"));
        return Files.move(out, file, StandardCopyOption.REPLACE_EXISTING);
    }
}
