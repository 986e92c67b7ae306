package dev.marking.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * LibreOffice and poppler as independent readers: headless conversion of office files (to PDF, or re-saved
 * as DOCX as a user pressing Save does), then the PDF's text per page ({@code pdftotext}) and its pages as
 * pictures ({@code pdftoppm}). Each needs its program; skipped without it, except on CI ({@code CI} set),
 * where it fails. Every instance has a LibreOffice profile of its own, so parallel runs never share one.
 */
public final class LibreOffice {

    /** Re-saves as Word 2007–365 DOCX, as a user pressing Save in LibreOffice does. */
    public static final String DOCX = "docx:MS Word 2007 XML";
    public static final String PDF = "pdf";

    /** A whole corpus goes through one LibreOffice run; it may take a while on a shared machine. */
    private static final int TIMEOUT_SECONDS = 900;

    private final Path work;

    /** Conversions and logs go under {@code work}. */
    public LibreOffice(Path work) {
        this.work = work;
    }

    /** LibreOffice with its profile and logs under {@code work}; aborts the test at once (fails under CI) without soffice. */
    public static LibreOffice in(Path work, String notChecked) {
        ExternalTools.require("soffice", notChecked);
        return new LibreOffice(work);
    }

    /** Converts {@code files} to PDF in {@code outDir} with one LibreOffice run; the PDFs in the same order. */
    public List<Path> toPdf(List<Path> files, Path outDir) throws IOException, InterruptedException {
        return convert(files, PDF, outDir);
    }

    /** Converts {@code file} to {@code target} ({@code pdf}, {@code doc}, {@code odt}, a filter string) in {@code outDir}. */
    public Path convert(Path file, String target, Path outDir) throws IOException, InterruptedException {
        return convert(List.of(file), target, outDir).get(0);
    }

    /**
     * Converts {@code files} to {@code target} ({@link #DOCX}, {@link #PDF}, {@code doc}, {@code odt}, a filter
     * string) into {@code outDir} with one LibreOffice run; the converted files in the same order.
     */
    public List<Path> convert(List<Path> files, String target, Path outDir) throws IOException, InterruptedException {
        Map<Path, Path> converted = convertEach(files, target, outDir);
        List<Path> out = new ArrayList<>();
        for (Path f : files) {
            assertTrue(converted.containsKey(f), () -> "soffice wrote nothing for " + f.getFileName() + ": "
                    + read(work.resolve("soffice.log")));
            out.add(converted.get(f));
        }
        return out;
    }

    /**
     * Converts {@code files} (distinct names) to {@code target} in {@code outDir} with one LibreOffice run, as
     * {@link #convert(List, String, Path)} does, but a file LibreOffice wrote nothing for is left out of the answer
     * rather than failing all of them: each caller checks its own.
     */
    public Map<Path, Path> convertEach(List<Path> files, String target, Path outDir)
            throws IOException, InterruptedException {
        Path soffice = ExternalTools.require("soffice", "conversion with LibreOffice");
        Files.createDirectories(outDir);
        Files.createDirectories(work);
        List<String> cmd = new ArrayList<>(List.of(soffice.toString(), "--headless", "--norestore",
                "-env:UserInstallation=" + work.resolve("lo-profile").toUri(), "--convert-to", target, "--outdir",
                outDir.toString()));
        files.forEach(f -> cmd.add(f.toString()));
        run(cmd, work.resolve("soffice.log"));
        String extension = target.substring(0, target.indexOf(':') < 0 ? target.length() : target.indexOf(':'));
        Map<Path, Path> out = new LinkedHashMap<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            Path converted = outDir.resolve(name.substring(0, name.lastIndexOf('.')) + "." + extension);
            if (Files.exists(converted)) {
                out.put(f, converted);
            }
        }
        return out;
    }

    /** The text of each page of {@code pdf}, by {@code pdftotext} (form feeds split the pages). */
    public List<String> pageTexts(Path pdf) throws IOException, InterruptedException {
        Path pdftotext = ExternalTools.require("pdftotext", "reading the rendered PDF");
        Path txt = work.resolve(pdf.getFileName() + ".txt");
        run(List.of(pdftotext.toString(), "-enc", "UTF-8", pdf.toString(), txt.toString()), work.resolve("pdftotext.log"));
        List<String> pages = new ArrayList<>(List.of(Files.readString(txt, StandardCharsets.UTF_8).split("\f", -1)));
        if (!pages.isEmpty() && pages.get(pages.size() - 1).isBlank()) {
            pages.remove(pages.size() - 1);
        }
        return pages;
    }

    /** The words of {@code pdf} by {@code pdftotext}, split on whitespace, in reading order. */
    public List<String> words(Path pdf) throws IOException, InterruptedException {
        String all = String.join(" ", pageTexts(pdf)).strip();
        return all.isEmpty() ? List.of() : List.of(all.split("\\s+"));
    }

    /** Page {@code page} (1-based) of {@code pdf} as a PNG at {@code dpi}, written to {@code png}. */
    public Path render(Path pdf, int page, int dpi, Path png) throws IOException, InterruptedException {
        Path pdftoppm = ExternalTools.require("pdftoppm", "looking at the rendered pages");
        Files.createDirectories(png.toAbsolutePath().getParent());
        String root = png.toString().substring(0, png.toString().length() - ".png".length());
        run(List.of(pdftoppm.toString(), "-png", "-singlefile", "-r", Integer.toString(dpi), "-f", Integer.toString(page),
                "-l", Integer.toString(page), pdf.toString(), root), work.resolve("pdftoppm.log"));
        assertTrue(Files.exists(png), "pdftoppm wrote no " + png);
        return png;
    }

    private static void run(List<String> cmd, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(cmd.get(0) + " did not finish in " + TIMEOUT_SECONDS + " s");
        }
        assertEquals(0, p.exitValue(), () -> cmd.get(0) + " failed: " + read(log));
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
