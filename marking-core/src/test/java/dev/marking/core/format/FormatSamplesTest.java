package dev.marking.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.testing.FormatSamples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every sample {@code FormatSamples} can build is what its format id says, by its bytes alone — also for formats
 * not registered on this branch, so a format registered later meets a sample already checked.
 */
class FormatSamplesTest {

    private static final Map<String, Predicate<ContentProbe>> IS = Map.ofEntries(
            Map.entry("docx", p -> p.zipEntries().contains("word/document.xml")),
            Map.entry("pdf", p -> p.contains("%PDF-", 1024)),
            Map.entry("ofd", p -> p.zipEntries().contains("OFD.xml")),
            Map.entry("text", p -> !p.binary() && new String(p.head(), StandardCharsets.UTF_8).contains(FormatSamples.TITLE)),
            Map.entry("xlsx", p -> p.zipEntries().contains("xl/workbook.xml")),
            Map.entry("pptx", p -> p.zipEntries().contains("ppt/presentation.xml")),
            Map.entry("xls", p -> p.oleStreams().contains("Workbook")),
            Map.entry("et", p -> p.oleStreams().contains("Workbook")),
            Map.entry("ppt", p -> p.oleStreams().contains("PowerPoint Document")),
            Map.entry("dps", p -> p.oleStreams().contains("PowerPoint Document")),
            Map.entry("doc", p -> p.oleStreams().contains("WordDocument")),
            Map.entry("wps", p -> p.oleStreams().contains("WordDocument")),
            Map.entry("rtf", p -> p.startsWith("{\\rtf1".getBytes(StandardCharsets.US_ASCII))),
            Map.entry("odt", p -> mimetype(p, "text")),
            Map.entry("ods", p -> mimetype(p, "spreadsheet")),
            Map.entry("odp", p -> mimetype(p, "presentation")),
            Map.entry("image", p -> p.startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})));

    @TempDir
    Path dir;

    private static boolean mimetype(ContentProbe p, String kind) {
        return p.zipText("mimetype", 100).map(t -> t.strip().equals("application/vnd.oasis.opendocument." + kind))
                .orElse(false);
    }

    @Test
    void everySampleIsWhatItsFormatIdSays() throws Exception {
        assertEquals(IS.keySet(), FormatSamples.ids());
        for (String id : FormatSamples.ids()) {
            Path file = FormatSamples.of(id).orElseThrow().write(dir.resolve("sample-" + id + "." + id));
            assertTrue(IS.get(id).test(ContentProbe.of(file)), id + ": " + ContentProbe.of(file).zipEntries()
                    + ContentProbe.of(file).oleStreams());
        }
    }
}
