package dev.marking.core.format.ofd;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentException.Kind;
import dev.marking.core.format.StampOptions;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.w3c.dom.Element;

/**
 * Stamps a copy of an OFD: our previous stamp is removed, every page gets a foreground layer with our
 * lines ({@link StampLayout}), the first page the GB/T 9704 block, the document our font (a subset,
 * declared as 黑体/SimHei) in its own resource file, {@code OFD.xml} our {@code CustomDatas}. Parts we do
 * not change keep their exact bytes. A package whose electronic seal or integrity list covers a part we
 * would change is refused, and the finished copy is checked byte for byte against every protected part
 * before it is written. On any failure nothing is left at the target.
 */
final class OfdStamper {

    static final String FONT_NAME = "SimHei";
    static final String FONT_FAMILY = "黑体";

    private final FontChoice fonts;
    private final OfdXml xml;

    OfdStamper(FontChoice fonts, OfdXml xml) {
        this.fonts = fonts;
        this.xml = xml;
    }

    void stamp(Path source, Path target, StampOptions options) throws DocumentException {
        OfdPackage pkg;
        try {
            pkg = OfdPackage.read(source, xml.limits());
        } catch (DocumentException e) {
            deleteQuietly(target);
            throw e;
        }
        stamp(pkg, target, options);
    }

    /** Stamps an already read package (numbered copies read the source once). */
    void stamp(OfdPackage pkg, Path target, StampOptions options) throws DocumentException {
        boolean done = false;
        try {
            Map<String, byte[]> parts = build(pkg, options);
            write(pkg, parts, target, options);
            done = true;
        } catch (IOException | RuntimeException e) {
            throw new DocumentException(pkg.file(), Kind.UNREADABLE, "cannot stamp the OFD: " + e, e);
        } finally {
            if (!done) {
                deleteQuietly(target);
            }
        }
    }

    private Map<String, byte[]> build(OfdPackage pkg, StampOptions options) throws DocumentException, IOException {
        OfdDocument doc = OfdDocument.open(pkg, xml);
        OfdSeals seals = OfdSeals.of(doc);
        Map<String, byte[]> before = new LinkedHashMap<>();
        pkg.entries().forEach(e -> before.put(e.name(), e.bytes()));
        Optional<String> refusal = seals.covering(List.of(doc.rootPath(), doc.documentPath));
        if (refusal.isPresent()) {
            throw new DocumentException(pkg.file(), Kind.REFUSED, refusal.get());
        }
        Map<String, byte[]> parts = new LinkedHashMap<>(before);
        OurStamp.remove(doc, parts);
        StampFont font = font(pkg, options);
        AtomicLong ids = new AtomicLong(OurStamp.maxId(doc, parts));
        long fontId = ids.incrementAndGet();
        Set<Integer> used = new HashSet<>();
        for (OfdDocument.Page page : doc.pages) {
            Obstacles o = Obstacles.of(doc, page);
            List<StampLayout.Piece> pieces = new StampLayout(font, options, page.box(), o.boxes())
                    .pieces(page.number() == 1, o.textArea());
            pieces.forEach(p -> p.text().codePoints().forEach(used::add));
            StampLayer.add(page.content().getDocumentElement(), pieces, fontId, ids::incrementAndGet);
            parts.put(page.path(), xml.write(page.content()));
        }
        String folder = OurStamp.folder(doc.documentPath);
        parts.put(folder + OurStamp.RES, resources(fontId));
        parts.put(folder + OurStamp.RES_DIR + "/" + OurStamp.FONT_FILE, font.subset(used));
        commonData(doc, ids.get());
        OfdMetadata.write(doc, options.metadata());
        parts.put(doc.documentPath, xml.write(doc.document));
        parts.put(doc.rootPath(), xml.write(doc.ofd));
        refusal = seals.broken(before, parts);
        if (refusal.isPresent()) {
            throw new DocumentException(pkg.file(), Kind.REFUSED, refusal.get());
        }
        return parts;
    }

    private StampFont font(OfdPackage pkg, StampOptions options) throws DocumentException {
        StringBuilder all = new StringBuilder(options.marking().watermarkText());
        options.firstPageBlock().forEach(all::append);
        options.footerText().ifPresent(all::append);
        try {
            return fonts.forText(options.font(), all.toString());
        } catch (IOException | RuntimeException e) {
            String which = options.font().map(Path::toString).orElse("the bundled font");
            throw new DocumentException(pkg.file(), Kind.REFUSED, "cannot embed " + which
                    + " (a TrueType .ttf/.ttc font is needed): " + e.getMessage(), e);
        }
    }

    /** Names our resource file in {@code CommonData} and raises {@code MaxUnitID} past our objects. */
    private static void commonData(OfdDocument doc, long maxId) {
        Element root = doc.document.getDocumentElement();
        Element common = doc.commonData().orElseGet(() -> {
            Element c = OfdXml.create(root, "CommonData");
            root.insertBefore(c, root.getFirstChild());
            return c;
        });
        Element max = OfdXml.child(common, "MaxUnitID").orElseGet(() -> {
            Element m = OfdXml.create(common, "MaxUnitID");
            common.insertBefore(m, common.getFirstChild());
            return m;
        });
        max.setTextContent(Long.toString(maxId));
        Element res = OfdXml.create(common, "PublicRes");
        res.setTextContent(OurStamp.RES);
        List<Element> existing = OfdXml.children(common, "PublicRes");
        if (existing.isEmpty()) {
            OurStamp.insertBefore(common, res, "DocumentRes", "TemplatePage", "DefaultCS");
        } else {
            common.insertBefore(res, existing.get(existing.size() - 1).getNextSibling());
        }
    }

    private static byte[] resources(long fontId) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<ofd:Res xmlns:ofd=\"" + OfdXml.NS + "\" BaseLoc=\"" + OurStamp.RES_DIR + "\"><ofd:Fonts>"
                + "<ofd:Font ID=\"" + fontId + "\" FontName=\"" + FONT_NAME + "\" FamilyName=\"" + FONT_FAMILY + "\">"
                + "<ofd:FontFile>" + OurStamp.FONT_FILE + "</ofd:FontFile></ofd:Font></ofd:Fonts></ofd:Res>";
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    private static void write(OfdPackage pkg, Map<String, byte[]> parts, Path target, StampOptions options)
            throws IOException {
        Map<String, Long> times = new LinkedHashMap<>();
        pkg.entries().forEach(e -> times.put(e.name(), e.time()));
        long stamped = options.stampDate().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        List<String> order = new ArrayList<>(parts.keySet());
        try (OutputStream file = Files.newOutputStream(target);
                ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(file), StandardCharsets.UTF_8)) {
            for (String name : order) {
                ZipEntry e = new ZipEntry(name);
                long time = times.getOrDefault(name, -1L);
                e.setTime(time > 0 ? time : stamped);
                zip.putNextEntry(e);
                zip.write(parts.get(name));
                zip.closeEntry();
            }
        }
    }

    private static void deleteQuietly(Path target) {
        try {
            Files.deleteIfExists(target);
        } catch (IOException e) {
            // the caller's temporary file; it will not be renamed into place
            return;
        }
    }
}
