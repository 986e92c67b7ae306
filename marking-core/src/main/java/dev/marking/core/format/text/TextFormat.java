package dev.marking.core.format.text;

import dev.marking.core.format.ContentProbe;
import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentFormat;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.Recognition;
import dev.marking.core.format.StampOptions;
import dev.marking.core.format.TextBlock;
import dev.marking.core.format.Unit;
import dev.marking.core.model.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plain text and Markdown: the mark sits on the first lines (after Markdown front matter); stamping
 * prepends the GB/T 9704 block and replaces one written by an earlier stamp.
 */
public final class TextFormat implements DocumentFormat {

    private static final int TOP_LINES = 6;

    @Override
    public String id() {
        return "text";
    }

    @Override
    public List<String> extensions() {
        return List.of("txt", "md", "markdown");
    }

    @Override
    public String mediaType() {
        return "text/plain";
    }

    @Override
    public String mediaType(Path file) {
        return String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT).endsWith(".txt") ? mediaType() : "text/markdown";
    }

    /** Text has no signature: anything without NUL bytes may be text; the charset is checked when reading. */
    @Override
    public Recognition recognise(ContentProbe content) {
        return content.binary() ? Recognition.NONE : Recognition.PLAUSIBLE;
    }

    @Override
    public ReadModel read(Path file) throws DocumentException {
        TextDocument doc = TextDocument.load(file);
        List<TextBlock> body = new ArrayList<>();
        List<TextBlock> top = new ArrayList<>();
        List<String> lines = doc.lines();
        for (int i = doc.contentStart(); i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            TextBlock block = new TextBlock(line, Location.line(i + 1, 0));
            body.add(block);
            if (top.size() < TOP_LINES) {
                top.add(new TextBlock(TextDocument.plain(line), block.location()));
            }
        }
        if (isMarkdown(file)) {
            body = MarkdownText.blocks(lines, doc.contentStart()); // the text without markup, at its source columns
        }
        return new ReadModel(file, id(), Unit.FILE, top, body, List.of(), Map.of(), List.of());
    }

    private static boolean isMarkdown(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".md") || name.endsWith(".markdown");
    }

    @Override
    public void stamp(Path source, Path target, StampOptions options) throws DocumentException {
        TextDocument doc = TextDocument.load(source);
        String name = source.getFileName().toString().toLowerCase(Locale.ROOT);
        String stamped = doc.withBlock(options.firstPageBlock(), !name.endsWith(".txt"));
        try {
            Files.writeString(target, doc.bom() ? "\uFEFF" + stamped : stamped, doc.charset());
        } catch (IOException e) {
            throw new DocumentException(target, DocumentException.Kind.UNREADABLE, "cannot write: " + e.getMessage(), e);
        }
    }
}
