package dev.marking.core.format.docx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marking.core.format.ReadModel;
import dev.marking.core.format.RunningSlot;
import dev.marking.core.format.SlotType;
import dev.marking.core.format.StampOptions;
import dev.marking.core.format.TextBlock;
import dev.marking.core.text.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Checks that a read-back stamped DOCX carries exactly one stamp and everything the original had. */
final class StampAssertions {

    private StampAssertions() {
    }

    /** {@code stamped} = {@code original} + our block, running mark, watermark, footer and metadata, once each. */
    static void assertStampedCopy(ReadModel original, ReadModel stamped, StampOptions options) {
        String name = original.path().getFileName().toString();
        List<String> block = options.firstPageBlock();
        List<String> body = texts(stamped.body());
        assertEquals(block, body.subList(0, block.size()), name + ": first-page block");
        assertEquals(block, texts(stamped.firstPageTop()).subList(0, block.size()), name + ": firstPageTop");
        assertEquals(texts(original.body()), body.subList(block.size(), body.size()), name + ": body kept in order");
        List<RunningSlot> shown = shownAfterStamp(original.slots(), stamped.slots());
        assertEquals(keys(shown), keys(stamped.slots()), name + ": slots");
        for (int i = 0; i < shown.size(); i++) {
            RunningSlot before = shown.get(i);
            RunningSlot after = stamped.slots().get(i);
            String where = name + " " + where(after) + ": ";
            List<String> header = new ArrayList<>();
            if (options.header()) {
                header.add(options.marking().mark());
            }
            header.addAll(texts(before.header()));
            assertEquals(header, texts(after.header()), where + "header");
            List<String> footer = new ArrayList<>();
            options.footerText().filter(f -> options.footer()).ifPresent(footer::add);
            footer.addAll(texts(before.footer()));
            assertEquals(footer, texts(after.footer()), where + "footer");
            List<String> marks = new ArrayList<>();
            if (options.watermark()) {
                marks.add(squeeze(options.marking().watermarkText()));
            }
            marks.addAll(before.watermarks().stream().map(StampAssertions::squeeze).toList());
            assertEquals(marks, after.watermarks().stream().map(StampAssertions::squeeze).toList(), where + "watermarks");
        }
        for (Map.Entry<String, String> e : options.metadata().entrySet()) {
            assertEquals(e.getValue(), stamped.properties().get(e.getKey()), name + ": property " + e.getKey());
        }
    }

    static List<String> texts(List<TextBlock> blocks) {
        return blocks.stream().map(b -> squeeze(b.text())).filter(s -> !s.isEmpty()).toList();
    }

    static String squeeze(String s) {
        return s.replaceAll("[\\s\\u00a0\\u3000]+", " ").strip();
    }

    /** {@code section 2 first}, for assertion messages. */
    static String where(RunningSlot slot) {
        return slot.describe(Messages.forLang("en"));
    }

    /**
     * The original's slots the stamped copy must show: all of them, except the first section's first-page slot
     * when the stamp dropped a different first page that showed nothing different (that slot and the section's
     * default slot both without header, footer or watermark; see {@code RunningParts.dropBlankFirstPage}).
     */
    private static List<RunningSlot> shownAfterStamp(List<RunningSlot> original, List<RunningSlot> stamped) {
        boolean dropped = stamped.stream().noneMatch(s -> s.unit() == 1 && s.type() == SlotType.FIRST);
        List<RunningSlot> firstSection = original.stream().filter(s -> s.unit() == 1).toList();
        boolean blank = firstSection.stream().filter(s -> s.type() == SlotType.FIRST || s.type() == SlotType.DEFAULT)
                .allMatch(s -> texts(s.header()).isEmpty() && texts(s.footer()).isEmpty() && s.watermarks().isEmpty());
        if (!dropped || !blank) {
            return original;
        }
        return original.stream().filter(s -> s.unit() != 1 || s.type() != SlotType.FIRST).toList();
    }

    private static List<String> keys(List<RunningSlot> slots) {
        return slots.stream().map(s -> s.unit() + ":" + s.type()).toList();
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
