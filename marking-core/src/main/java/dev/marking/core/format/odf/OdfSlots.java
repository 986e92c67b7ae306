package dev.marking.core.format.odf;

import dev.marking.core.format.HiddenItem;
import dev.marking.core.format.HiddenKind;
import dev.marking.core.format.RunningSlot;
import dev.marking.core.format.SlotType;
import dev.marking.core.format.TextBlock;
import dev.marking.core.model.Location;
import java.util.ArrayList;
import java.util.List;

/** The running slots of one master page: its header and footer variants, where it is named in messages. */
final class OdfSlots {

    private OdfSlots() {
    }

    /** Where a master page is, for messages: {@code page-style:Standard}. */
    static Location where(StylesPart.MasterPage m) {
        return Location.part("page-style:" + m.name());
    }

    /** Slots for {@code m}: the default variant always, left (even) and first pages where the page has their own. */
    static List<RunningSlot> of(StylesPart.MasterPage m, int unit, List<HiddenItem> hidden) {
        return of(m, unit, where(m), hidden);
    }

    /** {@link #of(StylesPart.MasterPage, int, List)} for a unit named otherwise ({@code Sheet1}). */
    static List<RunningSlot> of(StylesPart.MasterPage m, int unit, Location where, List<HiddenItem> hidden) {
        List<RunningSlot> slots = new ArrayList<>();
        for (SlotType type : List.of(SlotType.DEFAULT, SlotType.FIRST, SlotType.EVEN)) {
            if (type != SlotType.DEFAULT && !m.headers().containsKey(type) && !m.footers().containsKey(type)) {
                continue;
            }
            List<OdfText.Paragraph> header = m.headers().getOrDefault(type, m.headers().getOrDefault(SlotType.DEFAULT,
                    List.of()));
            List<OdfText.Paragraph> footer = m.footers().getOrDefault(type, m.footers().getOrDefault(SlotType.DEFAULT,
                    List.of()));
            List<String> watermarks = new ArrayList<>();
            header.forEach(p -> watermarks.addAll(p.watermarks()));
            slots.add(new RunningSlot(unit, type, blocks(header, "header:" + type.id(), hidden, type),
                    blocks(footer, "footer:" + type.id(), hidden, type), watermarks, where));
        }
        return slots;
    }

    private static List<TextBlock> blocks(List<OdfText.Paragraph> paragraphs, String part, List<HiddenItem> hidden,
            SlotType type) {
        List<TextBlock> out = new ArrayList<>();
        int[] index = {0};
        for (OdfText.Paragraph p : paragraphs) {
            add(p, part, out, index, type == SlotType.DEFAULT ? hidden : new ArrayList<>());
        }
        return out;
    }

    private static void add(OdfText.Paragraph p, String part, List<TextBlock> out, int[] index, List<HiddenItem> hidden) {
        index[0]++;
        Location at = new Location(part, 0, 0, index[0], 0, 0);
        if (!p.text().isEmpty()) {
            out.add(new TextBlock(p.text(), at));
        }
        if (!p.hidden().isEmpty()) {
            hidden.add(new HiddenItem(HiddenKind.HIDDEN_TEXT, p.hidden(), at));
        }
        for (OdfText.Paragraph inner : p.nested()) {
            add(inner, part, out, index, hidden);
        }
    }
}
