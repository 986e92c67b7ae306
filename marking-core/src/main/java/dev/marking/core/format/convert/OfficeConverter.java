package dev.marking.core.format.convert;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentException.Kind;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Converts office files with LibreOffice ({@code soffice --headless --convert-to}). Each conversion runs in
 * its own private temporary folder with its own user profile (so it never talks to a running office or
 * another conversion), under a time limit; on timeout the whole process tree is killed.
 */
public final class OfficeConverter {

    /** How long one conversion may take before it is killed. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(180);
    /** Environment variable naming the {@code soffice} program when it is not on the {@code PATH}. */
    public static final String PROGRAM_VARIABLE = "MARKING_SOFFICE";

    private static final int LOG_TAIL = 300;

    private final Path soffice;
    private final Duration timeout;

    public OfficeConverter(Path soffice, Duration timeout) {
        this.soffice = soffice;
        this.timeout = timeout;
    }

    /** LibreOffice from {@value #PROGRAM_VARIABLE} or the {@code PATH}, when installed. */
    public static Optional<OfficeConverter> find() {
        String configured = System.getenv(PROGRAM_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            return Files.isExecutable(p) ? Optional.of(new OfficeConverter(p, DEFAULT_TIMEOUT)) : Optional.empty();
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(d -> !d.isBlank())
                .flatMap(d -> Stream.of(Path.of(d, "soffice"), Path.of(d, "soffice.exe")))
                .filter(Files::isExecutable)
                .findFirst()
                .map(p -> new OfficeConverter(p, DEFAULT_TIMEOUT));
    }

    /**
     * A converted copy of a file, in a private folder that {@link #close()} deletes.
     *
     * @param file   the converted file
     * @param folder the folder holding it, the copy of the source and LibreOffice's profile
     */
    public record Converted(Path file, Path folder) implements AutoCloseable {

        @Override
        public void close() {
            deleteTree(folder);
        }
    }

    /**
     * Converts {@code source}, shown to LibreOffice as a {@code .sourceExtension} file, to {@code targetExtension}.
     * The source is copied first (under a plain ASCII name), so LibreOffice never opens or locks the original.
     */
    public Converted convert(Path source, String sourceExtension, String targetExtension) throws DocumentException {
        Path folder;
        try {
            folder = Files.createTempDirectory("marking-convert-");
        } catch (IOException e) {
            throw new DocumentException(source, Kind.UNREADABLE, "cannot make a folder to convert in: " + e.getMessage(), e);
        }
        try {
            Converted out = run(source, folder, sourceExtension, targetExtension);
            folder = null;
            return out;
        } finally {
            if (folder != null) {
                deleteTree(folder);
            }
        }
    }

    private Converted run(Path source, Path folder, String sourceExtension, String targetExtension)
            throws DocumentException {
        try {
            Path in = Files.createDirectory(folder.resolve("in")).resolve("document." + sourceExtension);
            Files.copy(source, in, StandardCopyOption.COPY_ATTRIBUTES);
            Path out = Files.createDirectory(folder.resolve("out"));
            Path log = folder.resolve("soffice.log");
            Process p = new ProcessBuilder(List.of(soffice.toString(), "--headless", "--invisible", "--norestore",
                    "--nolockcheck", "--nologo", "--nodefault",
                    "-env:UserInstallation=" + folder.resolve("profile").toUri(),
                    "--convert-to", targetExtension, "--outdir", out.toString(), in.toString()))
                    .directory(folder.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(p);
                throw new DocumentException(source, Kind.UNREADABLE, "LibreOffice did not convert it to ."
                        + targetExtension + " within " + String.format(Locale.ROOT, "%.1f", timeout.toMillis() / 1000.0)
                        + " s (stopped)");
            }
            Path converted = out.resolve("document." + targetExtension);
            if (p.exitValue() != 0 || !Files.isRegularFile(converted) || Files.size(converted) == 0) {
                throw new DocumentException(source, Kind.UNREADABLE, "LibreOffice could not convert it to ."
                        + targetExtension + " (exit " + p.exitValue() + ")" + tail(log));
            }
            return new Converted(converted, folder);
        } catch (IOException e) {
            throw new DocumentException(source, Kind.UNREADABLE, "cannot run LibreOffice (" + soffice + "): "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DocumentException(source, Kind.UNREADABLE, "conversion interrupted", e);
        }
    }

    /** Kills {@code p} and everything it started ({@code soffice} is a script that starts {@code soffice.bin}). */
    private static void kill(Process p) throws InterruptedException {
        List<ProcessHandle> children = p.descendants().toList();
        children.forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
        for (ProcessHandle h : children) {
            h.onExit().completeOnTimeout(h, 10, TimeUnit.SECONDS).join();
        }
    }

    /** The end of LibreOffice's output, for the message: what it said last. */
    private static String tail(Path log) {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
            if (text.isEmpty()) {
                return "";
            }
            return ": " + (text.length() > LOG_TAIL ? "…" + text.substring(text.length() - LOG_TAIL) : text);
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // a leftover in the system temp folder is harmless; the stamp result stands
        }
    }
}
