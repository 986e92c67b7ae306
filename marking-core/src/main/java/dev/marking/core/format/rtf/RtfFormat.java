package dev.marking.core.format.rtf;

import dev.marking.core.format.ContentProbe;
import dev.marking.core.format.Conversion;
import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentException.Kind;
import dev.marking.core.format.DocumentFormat;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.Recognition;
import dev.marking.core.format.StampOptions;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Rich Text Format through our own streaming reader ({@link RtfParser}): Swing's {@code RTFEditorKit} drops
 * headers, footers and comments and decodes only single-byte code pages, so GBK text ({@code \ansicpg936})
 * comes out wrong. Read: body, each section's headers and footers, footnotes, comments, hidden text,
 * WordArt watermarks and document information. Never written: stamping converts to DOCX.
 */
public final class RtfFormat implements DocumentFormat {

    private static final byte[] MAGIC = "{\\rtf".getBytes(StandardCharsets.US_ASCII);
    private static final Conversion CONVERSION = new Conversion("rtf", "docx", "an RTF file");

    @Override
    public String id() {
        return "rtf";
    }

    @Override
    public List<String> extensions() {
        return List.of("rtf");
    }

    @Override
    public String mediaType() {
        return "application/rtf";
    }

    @Override
    public Recognition recognise(ContentProbe content) {
        return content.startsWith(MAGIC) ? Recognition.CERTAIN : Recognition.NONE;
    }

    @Override
    public Optional<Conversion> conversion() {
        return Optional.of(CONVERSION);
    }

    @Override
    public ReadModel read(Path file) throws DocumentException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            in.mark(MAGIC.length);
            byte[] head = in.readNBytes(MAGIC.length);
            in.reset();
            if (!Arrays.equals(head, MAGIC)) {
                throw new DocumentException(file, Kind.UNREADABLE, "not an RTF file (it does not start with {\\rtf)");
            }
            return RtfParser.parse(in).model(file, id());
        } catch (IOException e) {
            throw new DocumentException(file, Kind.UNREADABLE, "cannot read the file: " + e.getMessage(), e);
        }
    }

    @Override
    public void stamp(Path source, Path target, StampOptions options) throws DocumentException {
        throw CONVERSION.refusal(source);
    }
}
