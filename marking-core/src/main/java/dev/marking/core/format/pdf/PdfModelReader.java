package dev.marking.core.format.pdf;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentException.Kind;
import dev.marking.core.format.HiddenItem;
import dev.marking.core.format.MetadataKeys;
import dev.marking.core.format.OcrSettings;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.RunningSlot;
import dev.marking.core.format.ScannedPage;
import dev.marking.core.format.SlotType;
import dev.marking.core.format.TextBlock;
import dev.marking.core.format.Unit;
import dev.marking.core.format.ocr.ScanLayout;
import dev.marking.core.format.ocr.ScanReader;
import dev.marking.core.format.ocr.ScannedText;
import dev.marking.core.model.Location;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Reads a PDF into the read model: each page's own text line by line, our stamp's header, footer and
 * watermark per page, the first-page block (or, unstamped, the top lines of page 1 as a reader sees
 * them), metadata and hidden content. Pages without text of their own (scans) are read by OCR when the
 * settings allow, into the same parts, their locations marked as read by OCR.
 */
final class PdfModelReader {

    /** How many lines of an unstamped first page count as its top. */
    static final int TOP_LINES = 6;

    private final OcrSettings ocr;

    /** A reader that runs OCR on pages without text of their own as {@code ocr} says. */
    PdfModelReader(OcrSettings ocr) {
        this.ocr = ocr;
    }

    ReadModel read(Path file) throws DocumentException {
        PDDocument doc = PdfDocuments.open(file);
        try {
            return read(file, doc);
        } catch (ContentLimits.LimitException e) {
            throw new DocumentException(file, Kind.UNREADABLE, "the PDF breaks a limit: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new DocumentException(file, Kind.UNREADABLE, "cannot read the PDF's text: " + PdfDocuments.reason(e), e);
        } finally {
            PdfDocuments.close(doc);
        }
    }

    ReadModel read(Path file, PDDocument doc) throws IOException {
        List<PageScan.PageText> pages = new PageScan(false, true).collect(doc, 1, doc.getNumberOfPages());
        Map<Integer, ScannedText> scans = new HashMap<>();
        new ScanReader(ocr).read(new PdfPageImages(doc), ScannedPages.find(doc, pages))
                .forEach(s -> scans.put(s.page(), s));
        List<TextBlock> body = new ArrayList<>();
        List<RunningSlot> slots = new ArrayList<>();
        for (PageScan.PageText p : pages) {
            body.addAll(lines(p.body(), p.page(), null));
            RunningSlot slot = new RunningSlot(p.page(), SlotType.PAGE, blocks(p.stamp(StampRole.HEADER), p.page(),
                    "header"), blocks(p.stamp(StampRole.FOOTER), p.page(), "footer"), p.stamp(StampRole.WATERMARK));
            ScannedText scan = scans.get(p.page());
            if (scan != null) {
                body.addAll(ScanLayout.body(scan));
                slot = ScanLayout.slot(scan, slot);
            }
            slots.add(slot);
        }
        List<String> block = pages.isEmpty() ? List.of() : pages.get(0).stamp(StampRole.BLOCK);
        ScannedText first = scans.get(1);
        List<TextBlock> top = !block.isEmpty() ? blocks(block, 1, null)
                : first != null && !first.lines().isEmpty() ? ScanLayout.top(first, TOP_LINES) : topOfFirstPage(doc);
        Map<String, String> properties = new LinkedHashMap<>(PdfMetadata.read(doc));
        CovertMark.read(doc).ifPresent(c -> properties.put(MetadataKeys.COVERT_COPY, c));
        return new ReadModel(file, "pdf", Unit.PAGE, top, body, slots, properties, hidden(file, doc, pages),
                scans.values().stream().map(ScannedText::status).sorted(Comparator.comparingInt(ScannedPage::page))
                        .toList());
    }

    /** What the file carries unseen: attachments, scripts, layers, covered text, earlier revisions, metadata. */
    private static List<HiddenItem> hidden(Path file, PDDocument doc, List<PageScan.PageText> pages) {
        List<HiddenItem> out = new ArrayList<>(HiddenContent.scan(doc));
        pages.forEach(p -> out.addAll(p.covered()));
        out.addAll(EarlierRevisions.scan(file, doc, pages.stream().map(PageScan.PageText::body).toList()));
        out.addAll(MetadataItems.scan(doc));
        return out;
    }

    /** The first lines of page 1 sorted by position, as a reader of the displayed page sees them. */
    private static List<TextBlock> topOfFirstPage(PDDocument doc) throws IOException {
        List<PageScan.PageText> first = new PageScan(true, false).collect(doc, 1, 1);
        if (first.isEmpty()) {
            return List.of();
        }
        List<TextBlock> lines = lines(first.get(0).body(), 1, null);
        return lines.subList(0, Math.min(TOP_LINES, lines.size()));
    }

    private static List<TextBlock> lines(String text, int page, String part) {
        List<TextBlock> out = new ArrayList<>();
        int n = 0;
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (!t.isEmpty()) {
                out.add(new TextBlock(t, new Location(part, 0, page, ++n, 0, 0)));
            }
        }
        return out;
    }

    private static List<TextBlock> blocks(List<String> texts, int page, String part) {
        List<TextBlock> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            out.add(new TextBlock(texts.get(i), new Location(part, 0, page, i + 1, 0, 0)));
        }
        return out;
    }
}
