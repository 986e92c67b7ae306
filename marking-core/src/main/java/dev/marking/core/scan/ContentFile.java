package dev.marking.core.scan;

import dev.marking.core.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Content staged as a file for the adapters, which read files: a private temporary folder (owner only)
 * holding one file under the document's own name, since rules look at the name and formats are chosen
 * by it. Closing removes both.
 */
final class ContentFile implements AutoCloseable {

    /** File names longer than this many UTF-8 bytes are shortened, keeping the extension (file systems stop at 255). */
    private static final int MAX_NAME_BYTES = 200;

    private final Path folder;
    private final Path file;

    private ContentFile(Path folder, Path file) {
        this.folder = folder;
        this.file = file;
    }

    /** Writes {@code content} to a fresh private folder as {@code name}. */
    static ContentFile write(String name, byte[] content) throws IOException {
        Path folder = Files.createTempDirectory("marking-content-");
        Path file = folder.resolve(safe(name));
        try {
            Files.write(file, content);
        } catch (IOException | RuntimeException e) {
            new ContentFile(folder, file).close();
            throw e;
        }
        return new ContentFile(folder, file);
    }

    Path path() {
        return file;
    }

    /** {@code result} shown as {@code shown}, without the temporary path: messages that quote it name {@code shown}. */
    FileResult hidden(FileResult result, String shown) {
        String temp = file.toString();
        List<Finding> findings = result.findings().stream()
                .map(f -> f.message().contains(temp) ? new Finding(f.rule(), f.severity(),
                        f.message().replace(temp, shown), f.location(), f.evidence()) : f)
                .toList();
        return new FileResult(shown, result.format(), result.marking(), findings);
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // Left for the temporary folder's own clean-up; the document's content stays owner-only.
            folder.toFile().deleteOnExit();
            file.toFile().deleteOnExit();
        }
    }

    /** The last segment of {@code name}, without characters no file system takes, and short enough. */
    static String safe(String name) {
        String n = name == null ? "" : name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replace('\u0000', '_');
        if (n.isEmpty() || n.equals(".") || n.equals("..")) {
            n = "document";
        }
        if (n.getBytes(StandardCharsets.UTF_8).length <= MAX_NAME_BYTES) {
            return n;
        }
        int dot = n.lastIndexOf('.');
        String ext = dot > 0 && n.length() - dot <= 16 ? n.substring(dot) : "";
        StringBuilder stem = new StringBuilder();
        int bytes = ext.getBytes(StandardCharsets.UTF_8).length;
        for (int i = 0; i < n.length() - ext.length(); ) {
            int cp = n.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + len > MAX_NAME_BYTES) {
                break;
            }
            stem.appendCodePoint(cp);
            bytes += len;
            i += Character.charCount(cp);
        }
        return stem + ext;
    }
}
