package dev.marking.core.format.xlsx;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentException.Kind;
import dev.marking.core.format.SlotType;
import dev.marking.core.format.StampOptions;
import dev.marking.core.format.ooxml.OoxmlProperties;
import dev.marking.core.format.xlsx.HeaderFooterText.Section;
import dev.marking.core.model.MarkingParser;
import dev.marking.core.model.Urgency;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTHeaderFooter;

/**
 * Stamps an open workbook in memory (DESIGN §1.3), sheet by sheet, hidden sheets included: every
 * header variant the sheet prints gets the mark as the first line of its left section and the watermark
 * picture ({@code &G}) in a section without a picture of its own; every footer variant gets the copy
 * number as the first line of its centre section. The user's header text stays in its section below ours.
 *
 * <p>The GB/T 9704 block ({@code --block}) goes into the first-page header of the first shown sheet,
 * never into the cells: inserting rows above the data would move every reference to them (formulas in
 * other sheets and workbooks, charts, pivot tables, conditional formats, data validations, print
 * areas) and POI's row shifting does not update them all. The header prints above the data on the first
 * page, where the block belongs, and leaves the data as it was.
 *
 * <p>A restamp first removes every earlier marking: header and footer lines that are a whole mark (ours
 * or typed by hand), a copy line {@code 第000123份}, the block's copy number and urgency beside a mark,
 * and our watermark pictures.
 */
final class XlsxStamper {

    private static final MarkingParser PARSER = MarkingParser.standard();
    private static final Pattern COPY_LINE = Pattern.compile("第\\s*\\d{1,12}\\s*份");
    private static final Pattern DIGITS = Pattern.compile("\\d{6}");
    private static final Set<String> URGENCIES = Set.copyOf(Arrays.stream(Urgency.values()).map(Urgency::label).toList());
    private static final List<SlotType> VARIANTS = List.of(SlotType.DEFAULT, SlotType.FIRST, SlotType.EVEN);

    private final Path source;
    private final XSSFWorkbook wb;
    private final StampOptions options;
    private final HeaderPictures pictures;

    private XlsxStamper(Path source, XSSFWorkbook wb, StampOptions options) {
        this.source = source;
        this.wb = wb;
        this.options = options;
        this.pictures = new HeaderPictures(wb.getPackage());
    }

    static void stamp(Path source, XSSFWorkbook wb, StampOptions options) throws DocumentException, InvalidFormatException {
        new XlsxStamper(source, wb, options).apply();
    }

    private void apply() throws DocumentException, InvalidFormatException {
        List<SheetPage> pages = SheetPage.of(wb);
        Optional<SheetPage> blockPage = options.block() ? firstShown(pages) : Optional.empty();
        for (SheetPage page : pages) {
            Set<String> removed = pictures.removeOurs(page);
            for (SlotType type : VARIANTS) {
                for (boolean header : List.of(true, false)) {
                    String before = page.text(type, header);
                    String after = clean(before, type, header, removed);
                    if (!after.equals(before)) {
                        page.setText(type, header, after);
                    }
                }
            }
            boolean block = blockPage.isPresent() && blockPage.get() == page;
            if (block) {
                firstPageOfItsOwn(page);
            }
            for (SlotType type : page.shownTypes()) {
                mark(page, type, block && type == SlotType.FIRST);
            }
        }
        pictures.finish();
        OoxmlProperties.write(wb.getProperties(), options.metadata());
    }

    private static Optional<SheetPage> firstShown(List<SheetPage> pages) {
        return pages.stream().filter(p -> !p.hidden()).findFirst().or(() -> pages.stream().findFirst());
    }

    /** Adds our lines and picture to one header/footer variant of {@code page}. */
    private void mark(SheetPage page, SlotType type, boolean block) throws DocumentException, InvalidFormatException {
        HeaderFooterText header = HeaderFooterText.parse(page.text(type, true));
        HeaderFooterText footer = HeaderFooterText.parse(page.text(type, false));
        List<String> lines = new ArrayList<>();
        if (block) {
            List<String> blockLines = options.firstPageBlock();
            int markLine = options.marking().copy().isPresent() ? 1 : 0;
            for (int i = 0; i < blockLines.size(); i++) {
                lines.add(i == markLine ? bold(blockLines.get(i)) : escape(blockLines.get(i)));
            }
        } else if (options.header()) {
            lines.add(bold(options.marking().mark()));
        }
        prepend(header, Section.LEFT, lines);
        Optional<String> footerText = options.footerText().filter(f -> options.footer());
        if (footerText.isPresent()) {
            prepend(footer, Section.CENTER, List.of(escape(footerText.get())));
        }
        if (options.watermark()) {
            picture(page, type, header, footer);
        }
        write(page, type, true, header);
        write(page, type, false, footer);
    }

    /** Puts the watermark picture into the first section of the header (else the footer) without one. */
    private void picture(SheetPage page, SlotType type, HeaderFooterText header, HeaderFooterText footer)
            throws InvalidFormatException {
        for (HeaderFooterText hf : List.of(header, footer)) {
            for (Section s : List.of(Section.CENTER, Section.RIGHT, Section.LEFT)) {
                if (!hf.hasPicture(s)) {
                    hf.set(s, hf.raw(s) + "&G");
                    pictures.add(page, position(s, hf == header, type), options.marking().watermarkText());
                    return;
                }
            }
        }
    }

    private void write(SheetPage page, SlotType type, boolean header, HeaderFooterText text) throws DocumentException {
        String s = text.format();
        if (s.length() > HeaderFooterText.MAX_LENGTH) {
            throw new DocumentException(source, Kind.REFUSED, "the " + (header ? "header" : "footer") + " of sheet '"
                    + page.name() + "' would be longer than the " + HeaderFooterText.MAX_LENGTH
                    + " characters Excel allows once the marking is added; shorten it and stamp again");
        }
        page.setText(type, header, s);
    }

    /** Turns on a first-page header and footer for {@code page}, the same as the others until ours is added. */
    private void firstPageOfItsOwn(SheetPage page) {
        CTHeaderFooter hf = page.editableHeaderFooter();
        if (hf.getDifferentFirst()) {
            return;
        }
        hf.setDifferentFirst(true);
        for (boolean header : List.of(true, false)) {
            HeaderFooterText odd = HeaderFooterText.parse(page.text(SlotType.DEFAULT, header));
            for (Section s : Section.values()) {
                if (odd.hasPicture(s)) {
                    String from = position(s, header, SlotType.DEFAULT);
                    if (!pictures.duplicate(page, from, position(s, header, SlotType.FIRST))) {
                        odd.set(s, withoutPicture(odd.raw(s)));
                    }
                }
            }
            page.setText(SlotType.FIRST, header, odd.format());
        }
    }

    /**
     * {@code raw} without our earlier marking: whole-mark lines, copy lines and, beside a removed mark, the
     * block's copy number and urgency; and the {@code &G} of a removed picture.
     */
    private static String clean(String raw, SlotType type, boolean header, Set<String> removedPictures) {
        if (raw.isEmpty()) {
            return raw;
        }
        HeaderFooterText text = HeaderFooterText.parse(raw);
        for (Section s : Section.values()) {
            String section = text.raw(s);
            if (removedPictures.contains(position(s, header, type))) {
                section = withoutPicture(section);
            }
            List<String> lines = new ArrayList<>(List.of(section.split("\n", -1)));
            boolean markRemoved = lines.removeIf(l -> isMark(display(l)));
            lines.removeIf(l -> COPY_LINE.matcher(display(l)).matches());
            if (markRemoved) {
                lines.removeIf(l -> DIGITS.matcher(display(l)).matches() || URGENCIES.contains(display(l)));
            }
            text.set(s, String.join("\n", lines));
        }
        return text.format();
    }

    private static boolean isMark(String line) {
        return !line.isEmpty() && PARSER.parse(line).isPresent();
    }

    private static String display(String rawLine) {
        return HeaderFooterText.display(rawLine, "").strip();
    }

    private static String withoutPicture(String section) {
        List<Integer> at = HeaderFooterText.pictureCodes(section);
        return at.isEmpty() ? section : section.substring(0, at.get(0)) + section.substring(at.get(0) + 2);
    }

    /** {@code lines} as the first lines of {@code s}, above what the user has there. */
    private static void prepend(HeaderFooterText text, Section s, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        String ours = String.join("\n", lines);
        text.set(s, text.raw(s).isEmpty() ? ours : ours + "\n" + text.raw(s));
    }

    /** {@code CH}, {@code LFFIRST}, {@code RHEVEN}: the drawing's name for a section of a variant. */
    static String position(Section s, boolean header, SlotType type) {
        String suffix = switch (type) {
            case FIRST -> "FIRST";
            case EVEN -> "EVEN";
            default -> "";
        };
        return "" + s.code() + (header ? 'H' : 'F') + suffix;
    }

    private static String bold(String text) {
        return "&B" + escape(text) + "&B";
    }

    private static String escape(String text) {
        return text.replace("&", "&&");
    }
}
