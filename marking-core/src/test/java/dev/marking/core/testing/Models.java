package dev.marking.core.testing;

import dev.marking.core.format.ReadModel;
import dev.marking.core.format.RunningSlot;
import dev.marking.core.format.ScannedPage;
import dev.marking.core.format.SlotType;
import dev.marking.core.format.TextBlock;
import dev.marking.core.format.Unit;
import dev.marking.core.model.Finding;
import dev.marking.core.model.Location;
import dev.marking.core.model.MarkingParser;
import dev.marking.core.model.Ocr;
import dev.marking.core.rules.MarkingEvidence;
import dev.marking.core.rules.Rule;
import dev.marking.core.rules.RuleContext;
import dev.marking.core.text.Messages;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds read models in tests, so a rule test names its input in a few lines. */
public final class Models {

    private final List<TextBlock> top = new ArrayList<>();
    private final List<TextBlock> body = new ArrayList<>();
    private final List<RunningSlot> slots = new ArrayList<>();
    private final Map<String, String> properties = new HashMap<>();
    private final List<ScannedPage> scanned = new ArrayList<>();
    private String format = "docx";
    private Unit unit = Unit.SECTION;

    private Models() {
    }

    public static Models docx() {
        return new Models();
    }

    public static Models pdf() {
        Models m = new Models();
        m.format = "pdf";
        m.unit = Unit.PAGE;
        return m;
    }

    /** A first-page block line (also body text). */
    public Models block(String line) {
        TextBlock b = new TextBlock(line, Location.body(body.size() + 1));
        top.add(b);
        body.add(b);
        return this;
    }

    /** A first-page line of a scanned page, as OCR read it with {@code confidence}. */
    public Models scannedLine(String line, int confidence) {
        TextBlock b = new TextBlock(line, new Location(null, 0, 1, body.size() + 1, 0, 0).withOcr(new Ocr(confidence)));
        top.add(b);
        body.add(b);
        return this;
    }

    /** A page's running slot as OCR read it off a scan: header and footer lines (either may be null). */
    public Models scannedSlot(int page, String header, String footer) {
        Ocr read = new Ocr(90);
        List<TextBlock> h = header == null ? List.of()
                : List.of(new TextBlock(header, new Location("header", 0, page, 1, 0, 0).withOcr(read)));
        List<TextBlock> f = footer == null ? List.of()
                : List.of(new TextBlock(footer, new Location("footer", 0, page, 1, 0, 0).withOcr(read)));
        slots.add(new RunningSlot(page, SlotType.PAGE, h, f, List.of(), Location.page(page).withOcr(Ocr.PAGE)));
        return this;
    }

    public Models paragraph(String text) {
        body.add(new TextBlock(text, Location.body(body.size() + 1)));
        return this;
    }

    /** A header slot with the given header text, footer text (may be null) and watermark (may be null). */
    public Models slot(int unit, String type, String header, String footer, String watermark) {
        List<TextBlock> h = header == null ? List.of()
                : List.of(new TextBlock(header, new Location("header:" + type, unit, 0, 1, 0, 0)));
        List<TextBlock> f = footer == null ? List.of()
                : List.of(new TextBlock(footer, new Location("footer:" + type, unit, 0, 1, 0, 0)));
        slots.add(new RunningSlot(unit, SlotType.of(type), h, f, watermark == null ? List.of() : List.of(watermark)));
        return this;
    }

    public Models property(String key, String value) {
        properties.put(key, value);
        return this;
    }

    /** A page without text of its own, and what OCR did with it ({@code detail}: why it was not read). */
    public Models scanned(int page, ScannedPage.Outcome outcome, String detail) {
        scanned.add(new ScannedPage(page, outcome, detail));
        return this;
    }

    public ReadModel build() {
        return new ReadModel(Path.of("test." + format), format, this.unit, top, body, slots, properties, List.of(),
                scanned);
    }

    /** The findings of {@code rule} on this model, checked on {@code today}. */
    public List<Finding> check(Rule rule, LocalDate today) {
        ReadModel model = build();
        MarkingEvidence evidence = MarkingEvidence.of(model, MarkingParser.standard());
        return rule.check(new RuleContext(model, evidence, today, Messages.forLang("en")));
    }

    public List<Finding> check(Rule rule) {
        return check(rule, LocalDate.of(2026, 11, 23));
    }
}
