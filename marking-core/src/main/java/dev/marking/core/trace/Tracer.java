package dev.marking.core.trace;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentFormat;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.MetadataKeys;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.RunningSlot;
import dev.marking.core.format.TextBlock;
import dev.marking.core.ledger.Ledger;
import dev.marking.core.ledger.LedgerEntry;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.text.Digests;
import dev.marking.core.text.Widths;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers "which copy is this?" from everything a file still carries: metadata, the first-page 份号,
 * the footer, the watermark text (with the recipient after the copy number), {@code 第000123份} in the
 * body text (where a converter kept our stamp's text but not its tags) and, where an adapter records
 * one, a covert mark ({@code covert.copy} in the read model's properties).
 */
public final class Tracer {

    private static final Pattern COPY = Pattern.compile("第\\s*(\\d{6})\\s*份\\s*(\\S.*)?$");

    private final FormatRegistry formats;

    public Tracer(FormatRegistry formats) {
        this.formats = formats;
    }

    public TraceResult trace(Path file, Optional<Ledger> ledger) throws DocumentException, IOException {
        DocumentFormat format = formats.forFile(file).orElseThrow(() -> new DocumentException(file,
                DocumentException.Kind.UNSUPPORTED, "unsupported file type"));
        ReadModel model = format.read(file);
        Map<String, String> copies = new LinkedHashMap<>();
        Map<String, String> props = model.properties();
        Optional<String> recipient = Optional.ofNullable(props.get(MetadataKeys.RECIPIENT));
        put(copies, "metadata", props.get(MetadataKeys.COPY));
        model.firstPageTop().stream().map(b -> CopyNumber.digitsOfLine(b.text())).filter(d -> !d.isEmpty())
                .findFirst().ifPresent(d -> put(copies, "block", d));
        for (RunningSlot slot : model.slots()) {
            for (TextBlock f : slot.footer()) {
                Matcher m = COPY.matcher(Widths.fold(f.text()).strip());
                if (m.find()) {
                    put(copies, "footer", m.group(1));
                }
            }
            for (String w : slot.watermarks()) {
                Matcher m = COPY.matcher(Widths.fold(w).strip());
                if (m.find()) {
                    put(copies, "watermark", m.group(1));
                    if (recipient.isEmpty() && m.group(2) != null) {
                        recipient = Optional.of(m.group(2).strip());
                    }
                }
            }
        }
        for (TextBlock b : model.body()) {
            Matcher m = COPY.matcher(Widths.fold(b.text()).strip());
            if (m.find()) {
                put(copies, "text", m.group(1));
            }
        }
        put(copies, "covert", props.get(MetadataKeys.COVERT_COPY));
        Optional<String> document = Optional.ofNullable(props.get(MetadataKeys.ID));
        Optional<LedgerEntry> entry = Optional.empty();
        boolean exact = false;
        if (ledger.isPresent()) {
            String sha = Digests.sha256(file);
            entry = ledger.get().find(sha, null, null);
            exact = entry.isPresent();
            if (entry.isEmpty()) {
                String copy = new TraceResult(copies, recipient, document, Optional.empty(), false, List.of())
                        .copy().orElse(null);
                entry = ledger.get().copies(null).stream().filter(e -> e.state() == LedgerEntry.State.ISSUED
                                || e.state() == LedgerEntry.State.RETURNED || e.state() == LedgerEntry.State.DESTROYED)
                        .filter(e -> copy != null && copy.equals(e.copy())
                                && (document.isEmpty() || document.get().equals(e.document())))
                        .findFirst();
            }
        }
        if (recipient.isEmpty() && entry.isPresent()) {
            recipient = Optional.ofNullable(entry.get().recipient());
        }
        List<LedgerEntry> history = entry.isEmpty() ? List.of()
                : ledger.get().history(entry.get().document(), entry.get().copy());
        return new TraceResult(copies, recipient, document, entry, exact,
                ledger.map(Ledger::problems).orElse(List.of()), history);
    }

    private static void put(Map<String, String> copies, String source, String digits) {
        if (digits != null && digits.strip().matches("\\d{6}")) {
            copies.putIfAbsent(source, digits.strip());
        }
    }
}
