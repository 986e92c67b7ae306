package dev.marking.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * LibreOffice and Poppler as the independent readers of what we write: {@code soffice --convert-to} (with a
 * private profile, so runs never meet) and {@code pdftotext} per page, {@code pdftoppm} for pictures.
 * Tests that use them are skipped where the programs are missing, and fail under {@code CI}.
 */
public final class Office {

    private static final int TIMEOUT_SECONDS = 240;

    private Office() {
    }

    /** {@code soffice}, or the test is skipped (failed on CI). */
    public static Path soffice(String notChecked) {
        return ExternalTools.require("soffice", notChecked);
    }

    /** Converts {@code file} to {@code format} ({@code pdf}, {@code doc}, {@code odt}, …) into {@code dir}. */
    public static Path convert(Path file, String format, Path dir) throws IOException, InterruptedException {
        Path soffice = soffice("conversion with LibreOffice");
        Path out = Files.createDirectories(dir);
        Path log = Files.createTempFile(dir, "soffice", ".log");
        Path profile = Files.createTempDirectory(dir, "lo-profile");
        Process p = new ProcessBuilder(soffice.toString(), "--headless", "--norestore",
                "-env:UserInstallation=" + profile.toUri(), "--convert-to", format, "--outdir", out.toString(),
                file.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("soffice did not finish in " + TIMEOUT_SECONDS + " s converting " + file);
        }
        String name = file.getFileName().toString();
        String ext = format.contains(":") ? format.substring(0, format.indexOf(':')) : format;
        Path result = out.resolve(name.substring(0, name.lastIndexOf('.')) + "." + ext);
        String said = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), () -> "soffice failed on " + file + ": " + said);
        assertTrue(Files.exists(result), () -> "soffice wrote no " + ext + " for " + file + ": " + said);
        return result;
    }

    /** The text of each page of {@code pdf} by {@code pdftotext}, whitespace removed (rotated text compares equal). */
    public static List<String> pageTexts(Path pdf) throws IOException, InterruptedException {
        Path pdftotext = ExternalTools.require("pdftotext", "reading the PDF export");
        int pages = pages(pdf);
        List<String> out = new ArrayList<>();
        for (int page = 1; page <= pages; page++) {
            Process p = new ProcessBuilder(pdftotext.toString(), "-f", String.valueOf(page), "-l", String.valueOf(page),
                    "-enc", "UTF-8", pdf.toString(), "-").redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "pdftotext timed out");
            out.add(text.replaceAll("\\s+", ""));
        }
        return out;
    }

    /** The words of {@code pdf} by {@code pdftotext} (split on whitespace), in reading order. */
    public static List<String> words(Path pdf) throws IOException, InterruptedException {
        Path pdftotext = ExternalTools.require("pdftotext", "reading the PDF export");
        Process p = new ProcessBuilder(pdftotext.toString(), "-enc", "UTF-8", pdf.toString(), "-")
                .redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "pdftotext timed out");
        return List.of(text.strip().split("\\s+"));
    }

    /** The number of pages of {@code pdf}, by {@code pdfinfo}. */
    public static int pages(Path pdf) throws IOException, InterruptedException {
        Path pdfinfo = ExternalTools.require("pdfinfo", "reading the PDF export");
        Process p = new ProcessBuilder(pdfinfo.toString(), pdf.toString()).redirectErrorStream(true).start();
        String info = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "pdfinfo timed out");
        for (String line : info.split("\n")) {
            if (line.startsWith("Pages:")) {
                return Integer.parseInt(line.substring("Pages:".length()).strip());
            }
        }
        throw new AssertionError("pdfinfo gave no page count: " + info);
    }
}
