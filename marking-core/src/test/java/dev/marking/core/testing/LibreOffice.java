package dev.marking.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Headless LibreOffice as tests drive it: converts files in one run, with a profile of its own (so
 * parallel runs do not share one), and fails with its log when it does not finish or writes nothing.
 */
public final class LibreOffice {

    /** Re-saves as Word 2007–365 DOCX, as a user pressing Save in LibreOffice does. */
    public static final String DOCX = "docx:MS Word 2007 XML";
    public static final String PDF = "pdf";

    private final Path soffice;
    private final Path work;

    private LibreOffice(Path soffice, Path work) {
        this.soffice = soffice;
        this.work = work;
    }

    /** LibreOffice with its profile and logs under {@code work}; aborts the test (fails under CI) without soffice. */
    public static LibreOffice in(Path work, String notChecked) {
        return new LibreOffice(ExternalTools.require("soffice", notChecked), work);
    }

    /** Converts {@code files} to {@code target} ({@link #DOCX}, {@link #PDF}, a filter string) into {@code outDir}. */
    public List<Path> convert(List<Path> files, String target, Path outDir) throws IOException, InterruptedException {
        Files.createDirectories(outDir);
        List<String> command = new ArrayList<>(List.of(soffice.toString(), "--headless", "--norestore",
                "-env:UserInstallation=" + work.resolve("lo-profile").toUri(), "--convert-to", target, "--outdir",
                outDir.toString()));
        files.forEach(f -> command.add(f.toString()));
        Path log = work.resolve("soffice.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(15L * 60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("soffice did not finish in 15 minutes");
        }
        assertEquals(0, p.exitValue(), () -> "soffice failed: " + read(log));
        String extension = target.substring(0, target.indexOf(':') < 0 ? target.length() : target.indexOf(':'));
        List<Path> out = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            Path converted = outDir.resolve(name.substring(0, name.lastIndexOf('.')) + "." + extension);
            if (!Files.exists(converted)) {
                fail("soffice wrote no " + converted.getFileName() + ": " + read(log));
            }
            out.add(converted);
        }
        return out;
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
