package dev.marking.core.format.xlsx;

import dev.marking.core.format.SlotType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFChartSheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTHeaderFooter;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTLegacyDrawing;

/**
 * One sheet as it prints: its header and footer strings per variant ({@code odd}, {@code first},
 * {@code even}) and the drawing that holds its header and footer pictures ({@code legacyDrawingHF}).
 * Worksheets and chart sheets keep these in different elements; this class hides which.
 *
 * @param sheet  the sheet
 * @param name   its name ({@code Sheet1})
 * @param number 1-based position in the workbook
 * @param hidden true when the workbook hides it (hidden or very hidden)
 */
record SheetPage(XSSFSheet sheet, String name, int number, boolean hidden) {

    /** Every sheet of {@code wb} in workbook order, hidden ones included. */
    static List<SheetPage> of(XSSFWorkbook wb) {
        List<SheetPage> out = new ArrayList<>();
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            boolean hidden = wb.getSheetVisibility(i) != SheetVisibility.VISIBLE;
            out.add(new SheetPage(wb.getSheetAt(i), wb.getSheetName(i), i + 1, hidden));
        }
        return out;
    }

    /** True for a chart sheet (no cells). */
    boolean chart() {
        return sheet instanceof XSSFChartSheet;
    }

    /** The header/footer element, if the sheet has one. */
    Optional<CTHeaderFooter> headerFooter() {
        if (sheet instanceof XSSFChartSheet c) {
            return c.getCTChartsheet().isSetHeaderFooter() ? Optional.of(c.getCTChartsheet().getHeaderFooter())
                    : Optional.empty();
        }
        return sheet.getCTWorksheet().isSetHeaderFooter() ? Optional.of(sheet.getCTWorksheet().getHeaderFooter())
                : Optional.empty();
    }

    /** The header/footer element, created when missing. */
    CTHeaderFooter editableHeaderFooter() {
        return headerFooter().orElseGet(() -> sheet instanceof XSSFChartSheet c ? c.getCTChartsheet().addNewHeaderFooter()
                : sheet.getCTWorksheet().addNewHeaderFooter());
    }

    /** The variants a printout shows: the odd (default) one, the first page's and the even pages' when turned on. */
    List<SlotType> shownTypes() {
        List<SlotType> types = new ArrayList<>(List.of(SlotType.DEFAULT));
        Optional<CTHeaderFooter> hf = headerFooter();
        if (hf.isPresent() && hf.get().getDifferentFirst()) {
            types.add(SlotType.FIRST);
        }
        if (hf.isPresent() && hf.get().getDifferentOddEven()) {
            types.add(SlotType.EVEN);
        }
        return types;
    }

    /** The header ({@code header} true) or footer string of {@code type}; empty when unset. */
    String text(SlotType type, boolean header) {
        return headerFooter().map(h -> accessor(h, type, header)).filter(a -> a.isSet().getAsBoolean())
                .map(a -> a.get().get()).orElse("");
    }

    /** Sets the header or footer string of {@code type}; an empty one is removed. */
    void setText(SlotType type, boolean header, String value) {
        Accessor a = accessor(editableHeaderFooter(), type, header);
        if (!value.isEmpty()) {
            a.set().accept(value);
        } else if (a.isSet().getAsBoolean()) {
            a.unset().run();
        }
    }

    /** One of the six strings of a header/footer element. */
    private record Accessor(Supplier<String> get, BooleanSupplier isSet, Consumer<String> set, Runnable unset) {
    }

    private static Accessor accessor(CTHeaderFooter h, SlotType type, boolean header) {
        return switch (type) {
            case FIRST -> header ? new Accessor(h::getFirstHeader, h::isSetFirstHeader, h::setFirstHeader, h::unsetFirstHeader)
                    : new Accessor(h::getFirstFooter, h::isSetFirstFooter, h::setFirstFooter, h::unsetFirstFooter);
            case EVEN -> header ? new Accessor(h::getEvenHeader, h::isSetEvenHeader, h::setEvenHeader, h::unsetEvenHeader)
                    : new Accessor(h::getEvenFooter, h::isSetEvenFooter, h::setEvenFooter, h::unsetEvenFooter);
            default -> header ? new Accessor(h::getOddHeader, h::isSetOddHeader, h::setOddHeader, h::unsetOddHeader)
                    : new Accessor(h::getOddFooter, h::isSetOddFooter, h::setOddFooter, h::unsetOddFooter);
        };
    }

    /** The relation id of the header/footer drawing, if the sheet has one. */
    Optional<String> drawingId() {
        CTLegacyDrawing d;
        if (sheet instanceof XSSFChartSheet c) {
            d = c.getCTChartsheet().isSetLegacyDrawingHF() ? c.getCTChartsheet().getLegacyDrawingHF() : null;
        } else {
            d = sheet.getCTWorksheet().isSetLegacyDrawingHF() ? sheet.getCTWorksheet().getLegacyDrawingHF() : null;
        }
        return d == null || d.getId() == null || d.getId().isEmpty() ? Optional.empty() : Optional.of(d.getId());
    }

    /** Points the sheet's header/footer drawing at relation {@code id}. */
    void setDrawingId(String id) {
        CTLegacyDrawing d;
        if (sheet instanceof XSSFChartSheet c) {
            d = c.getCTChartsheet().isSetLegacyDrawingHF() ? c.getCTChartsheet().getLegacyDrawingHF()
                    : c.getCTChartsheet().addNewLegacyDrawingHF();
        } else {
            d = sheet.getCTWorksheet().isSetLegacyDrawingHF() ? sheet.getCTWorksheet().getLegacyDrawingHF()
                    : sheet.getCTWorksheet().addNewLegacyDrawingHF();
        }
        d.setId(id);
    }
}
