package dev.marking.core.format;

import dev.marking.core.model.Location;
import dev.marking.core.text.Messages;
import java.util.List;

/**
 * One place where running text appears: a header/footer type of one section (DOCX) or sheet that the
 * application will actually show, or one page (PDF) or slide.
 *
 * @param unit       1-based section, sheet, page or slide
 * @param type       which header/footer variant, or {@link SlotType#PAGE}/{@link SlotType#SLIDE}
 * @param header     header paragraphs (our running mark, the user's own header text)
 * @param footer     footer paragraphs
 * @param watermarks texts of watermark shapes shown on this slot's pages
 * @param where      the unit as a location ({@code section 2}, {@code page 3}, {@code Sheet1}, {@code slide 4})
 */
public record RunningSlot(int unit, SlotType type, List<TextBlock> header, List<TextBlock> footer,
        List<String> watermarks, Location where) {

    public RunningSlot {
        header = List.copyOf(header);
        footer = List.copyOf(footer);
        watermarks = List.copyOf(watermarks);
    }

    /** A slot whose unit is a page, a slide or (for header variants) a section, as {@code type} says. */
    public RunningSlot(int unit, SlotType type, List<TextBlock> header, List<TextBlock> footer, List<String> watermarks) {
        this(unit, type, header, footer, watermarks, switch (type) {
            case PAGE -> Location.page(unit);
            case SLIDE -> Location.slide(unit);
            default -> Location.section(unit);
        });
    }

    /** Where this slot's {@code part} ({@code header}, {@code footer}, {@code watermark}) is. */
    public Location location(String part) {
        return where.withPart(type.variant() ? part + ":" + type.id() : part);
    }

    /** {@code section 2 first} / {@code page 3} / {@code 第2节首页} for messages. */
    public String describe(Messages messages) {
        String unitName = where.describe(messages);
        return type.variant() ? messages.format("where.slot", unitName, messages.format("where.slot." + type.id()))
                : unitName;
    }
}
