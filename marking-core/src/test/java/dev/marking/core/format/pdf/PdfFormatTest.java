package dev.marking.core.format.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.HiddenItem;
import dev.marking.core.format.MetadataKeys;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.StampOptions;
import dev.marking.core.format.TextBlock;
import dev.marking.core.testing.Corpus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Meaning of the PDF adapter on fixtures built in code: fonts, metadata, protection, signatures, hidden content. */
class PdfFormatTest {

    @TempDir
    Path tmp;

    private final PdfFormat format = new PdfFormat();

    @Test
    void supportsPdfByName() {
        assertTrue(format.supports(Path.of("a/b.pdf")));
        assertTrue(format.supports(Path.of("B.PDF")));
        assertFalse(format.supports(Path.of("b.docx")));
        assertEquals("pdf", format.id());
    }

    @Test
    void bundledFontWorksWithoutAnySystemFont() throws Exception {
        Path in = PdfFixtures.pdf().page(PdfFixtures.Page.a4("Hello")).build(tmp.resolve("in.pdf"));
        Path out = tmp.resolve("out.pdf");
        new PdfFormat(List.of()).stamp(in, out, PdfTestSupport.options());
        assertEquals(List.of("NotoSansSC-Regular"), stampFonts(out));
        PdfCorpusTest.assertStamped(format.read(out), PdfTestSupport.options(), 1);
    }

    @Test
    void givenFontIsUsed() throws Exception {
        Path wqy = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
        assumeTrue(Files.isRegularFile(wqy), "fonts-wqy-microhei not installed");
        Path in = PdfFixtures.pdf().page(PdfFixtures.Page.a4("Hello")).build(tmp.resolve("in.pdf"));
        Path out = tmp.resolve("out.pdf");
        StampOptions o = PdfTestSupport.options();
        new PdfFormat(List.of()).stamp(in, out, new StampOptions(o.marking(), o.markingId(), o.stampDate(), true, true,
                true, Optional.of(wqy)));
        assertEquals(List.of("WenQuanYiMicroHei"), stampFonts(out));
    }

    @Test
    void unusableFontIsRefusedAndLeavesNothing() throws Exception {
        Path in = PdfFixtures.pdf().page(PdfFixtures.Page.a4("Hello")).build(tmp.resolve("in.pdf"));
        Path bogus = Files.writeString(tmp.resolve("bogus.ttf"), "not a font");
        Path out = Files.createFile(tmp.resolve("out.pdf"));
        StampOptions o = PdfTestSupport.options();
        StampOptions withFont = new StampOptions(o.marking(), o.markingId(), o.stampDate(), true, true, true,
                Optional.of(bogus));
        DocumentException e = assertThrows(DocumentException.class, () -> format.stamp(in, out, withFont));
        assertEquals(DocumentException.Kind.REFUSED, e.kind());
        assertTrue(e.getMessage().contains("bogus.ttf"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void metadataInInfoAndXmp() throws Exception {
        Path in = PdfFixtures.pdf().page(PdfFixtures.Page.a4("Hello")).build(tmp.resolve("in.pdf"));
        Path out = tmp.resolve("out.pdf");
        StampOptions o = PdfTestSupport.options();
        format.stamp(in, out, o);
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            assertEquals("机密", doc.getDocumentInformation().getCustomMetadataValue(MetadataKeys.LEVEL));
            Map<String, String> xmp = XmpMarking.read(doc.getDocumentCatalog().getMetadata().toByteArray());
            assertEquals(o.metadata(), xmp);
        }
        Map<String, String> props = format.read(out).properties();
        o.metadata().forEach((k, v) -> assertEquals(v, props.get(k), k));
    }

    @Test
    void disagreementBetweenInfoAndXmpIsVisible() throws Exception {
        Path in = PdfFixtures.pdf().page(PdfFixtures.Page.a4("Hello")).build(tmp.resolve("in.pdf"));
        Path out = tmp.resolve("out.pdf");
        format.stamp(in, out, PdfTestSupport.options());
        Path edited = tmp.resolve("edited.pdf");
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            doc.getDocumentInformation().setCustomMetadataValue(MetadataKeys.LEVEL, "秘密");
            doc.save(edited.toFile());
        }
        Map<String, String> props = format.read(edited).properties();
        assertEquals("秘密", props.get(MetadataKeys.LEVEL));
        assertEquals("机密", props.get("xmp." + MetadataKeys.LEVEL));
    }

    @Test
    void existingXmpIsKeptAndOursReplaced() throws Exception {
        byte[] packet = ("<?xpacket begin=\"\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?><x:xmpmeta xmlns:x=\"adobe:ns:meta/\">"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description rdf:about=\"\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:marking=\"https://marking.dev/ns/1.0/\""
                + " marking:level=\"绝密\"><dc:format>application/pdf</dc:format></rdf:Description></rdf:RDF>"
                + "</x:xmpmeta><?xpacket end=\"w\"?>").getBytes(StandardCharsets.UTF_8);
        byte[] written = XmpMarking.write(packet, PdfTestSupport.options().metadata());
        String xml = new String(written, StandardCharsets.UTF_8);
        assertTrue(xml.contains("application/pdf"), xml);
        assertFalse(xml.contains("绝密"), xml);
        assertEquals("机密", XmpMarking.read(written).get(MetadataKeys.LEVEL));
        assertEquals(null, XmpMarking.write("<broken".getBytes(StandardCharsets.UTF_8), Map.of()));
    }

    @Test
    void ownerPasswordOnlyKeepsPermissions() throws Exception {
        AccessPermission ap = new AccessPermission();
        ap.setCanModify(false);
        ap.setCanExtractContent(false);
        Path in = PdfFixtures.pdf().page(PdfFixtures.Page.a4("Hello")).build(tmp.resolve("in.pdf"), doc -> {
            StandardProtectionPolicy p = new StandardProtectionPolicy("owner-secret", "", ap);
            p.setEncryptionKeyLength(128);
            p.setPreferAES(true);
            doc.protect(p);
        });
        int before;
        try (PDDocument doc = Loader.loadPDF(in.toFile())) {
            before = doc.getEncryption().getPermissions();
        }
        Path out = tmp.resolve("out.pdf");
        format.stamp(in, out, PdfTestSupport.options());
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            assertTrue(doc.isEncrypted(), "still protected");
            assertEquals(before, doc.getEncryption().getPermissions());
            assertEquals(128, doc.getEncryption().getLength());
            assertFalse(doc.getCurrentAccessPermission().canModify());
        }
        PdfCorpusTest.assertStamped(format.read(out), PdfTestSupport.options(), 1);
        PdfCorpusTest.assertQpdfCheck(out);
    }

    @Test
    void userPasswordIsEncrypted() throws Exception {
        Path in = PdfFixtures.pdf().page(PdfFixtures.Page.a4("Hello")).build(tmp.resolve("in.pdf"),
                doc -> doc.protect(new StandardProtectionPolicy("o", "u", new AccessPermission())));
        assertEquals(DocumentException.Kind.ENCRYPTED,
                assertThrows(DocumentException.class, () -> format.read(in)).kind());
        Path out = Files.createFile(tmp.resolve("out.pdf"));
        assertEquals(DocumentException.Kind.ENCRYPTED,
                assertThrows(DocumentException.class, () -> format.stamp(in, out, PdfTestSupport.options())).kind());
        assertFalse(Files.exists(out));
    }

    @Test
    void signedPdfIsStampedAsIncrementalUpdate() throws Exception {
        Path corpus = Corpus.file("pdf/plumber_federal-register-2020-17221.pdf");
        Path in = tmp.resolve("approval-signed.pdf");
        try (PDDocument doc = Loader.loadPDF(corpus.toFile()); OutputStream out = Files.newOutputStream(in)) {
            // the GPO certification forbids changes; drop it in an update of its own to get a plainly signed file
            doc.getDocumentCatalog().getCOSObject().removeItem(COSName.PERMS);
            doc.saveIncremental(out);
        }
        Path out = tmp.resolve("out.pdf");
        format.stamp(in, out, PdfTestSupport.options());
        byte[] original = Files.readAllBytes(in);
        byte[] stamped = Files.readAllBytes(out);
        assertTrue(stamped.length > original.length);
        assertArrayEquals(original, Arrays.copyOf(stamped, original.length), "signed revisions untouched");
        if (PdfTestSupport.tool("pdfsig")) {
            PdfTestSupport.Result r = PdfTestSupport.run(List.of("pdfsig", out.toString()));
            assertTrue(r.output().contains("Signature is Valid"), r.output());
        }
        PdfCorpusTest.assertStamped(format.read(out), PdfTestSupport.options(), 15);
        Path again = tmp.resolve("again.pdf");
        format.stamp(out, again, PdfTestSupport.otherOptions());
        PdfCorpusTest.assertStamped(format.read(again), PdfTestSupport.otherOptions(), 15);
        PdfCorpusTest.assertQpdfCheck(again);
    }

    @Test
    void certifiedCorpusFileIsRefused() throws Exception {
        Path in = Corpus.file("pdf/plumber_federal-register-2020-17221.pdf");
        Path out = Files.createFile(tmp.resolve("out.pdf"));
        DocumentException e = assertThrows(DocumentException.class, () -> format.stamp(in, out, PdfTestSupport.options()));
        assertEquals(DocumentException.Kind.REFUSED, e.kind());
        assertFalse(Files.exists(out));
    }

    @Test
    void certifiedNoChangesIsRefused() throws Exception {
        Path in = PdfFixtures.pdf().page(PdfFixtures.Page.a4("Hello")).build(tmp.resolve("in.pdf"), doc -> {
            COSDictionary params = new COSDictionary();
            params.setInt(COSName.P, 1);
            COSDictionary ref = new COSDictionary();
            ref.setItem(COSName.TRANSFORM_METHOD, COSName.DOCMDP);
            ref.setItem(COSName.TRANSFORM_PARAMS, params);
            COSArray refs = new COSArray();
            refs.add(ref);
            COSDictionary sig = new COSDictionary();
            sig.setItem(COSName.REFERENCE, refs);
            COSDictionary perms = new COSDictionary();
            perms.setItem(COSName.DOCMDP, sig);
            doc.getDocumentCatalog().getCOSObject().setItem(COSName.PERMS, perms);
        });
        Path out = Files.createFile(tmp.resolve("out.pdf"));
        DocumentException e = assertThrows(DocumentException.class, () -> format.stamp(in, out, PdfTestSupport.options()));
        assertEquals(DocumentException.Kind.REFUSED, e.kind());
        assertTrue(e.getMessage().contains("no changes allowed"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void restampAfterAnotherToolMergedTheContentStreams() throws Exception {
        Path in = PdfFixtures.pdf().page(PdfFixtures.Page.a4("Hello")).page(PdfFixtures.Page.a4("World"))
                .build(tmp.resolve("in.pdf"));
        Path out = tmp.resolve("out.pdf");
        format.stamp(in, out, PdfTestSupport.options());
        Path merged = tmp.resolve("merged.pdf");
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            for (PDPage page : doc.getPages()) {
                byte[] all;
                try (InputStream s = page.getContents()) {
                    all = s.readAllBytes();
                }
                PDStream one = new PDStream(doc, new ByteArrayInputStream(all));
                page.setContents(one);
            }
            doc.save(merged.toFile());
        }
        Path again = tmp.resolve("again.pdf");
        format.stamp(merged, again, PdfTestSupport.otherOptions());
        ReadModel m = format.read(again);
        PdfCorpusTest.assertStamped(m, PdfTestSupport.otherOptions(), 2);
        assertEquals(List.of("Hello"), m.body().stream().filter(b -> b.location().page() == 1).map(TextBlock::text)
                .toList());
    }

    @Test
    void unstampedFirstPageTopIsItsFirstLines() throws Exception {
        Path in = PdfFixtures.pdf().page(PdfFixtures.Page.a4("000042", "SECRET 5 years", "Body")).build(tmp.resolve("in.pdf"));
        ReadModel m = format.read(in);
        assertEquals(List.of("000042", "SECRET 5 years", "Body"), m.firstPageTop().stream().map(TextBlock::text).toList());
        assertEquals(1, m.slots().size());
        assertTrue(m.slots().get(0).header().isEmpty());
        assertTrue(m.slots().get(0).watermarks().isEmpty());
    }

    @Test
    void switchedOffPartsAreNotDrawn() throws Exception {
        Path in = PdfFixtures.pdf().page(PdfFixtures.Page.a4("Hello")).build(tmp.resolve("in.pdf"));
        Path out = tmp.resolve("out.pdf");
        StampOptions o = PdfTestSupport.options();
        format.stamp(in, out, new StampOptions(o.marking(), o.markingId(), o.stampDate(), false, false, false,
                Optional.empty()));
        ReadModel m = format.read(out);
        assertTrue(m.slots().get(0).header().isEmpty());
        assertTrue(m.slots().get(0).footer().isEmpty());
        assertTrue(m.slots().get(0).watermarks().isEmpty());
        assertEquals(o.firstPageBlock(), m.firstPageTop().stream().map(TextBlock::text).toList());
    }

    @Test
    void hiddenAttachmentsScriptsAndLayers() throws Exception {
        Path in = PdfFixtures.pdf().page(PdfFixtures.Page.a4("Hello")).build(tmp.resolve("in.pdf"), doc -> {
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile("secret.txt");
            spec.setEmbeddedFile(new PDEmbeddedFile(doc, new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8))));
            PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
            files.setNames(Map.of("secret.txt", spec));
            PDJavascriptNameTreeNode js = new PDJavascriptNameTreeNode();
            js.setNames(Map.of("init", new PDActionJavaScript("app.alert('hi');")));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
            names.setEmbeddedFiles(files);
            names.setJavascript(js);
            doc.getDocumentCatalog().setNames(names);
            COSDictionary layer = new COSDictionary();
            layer.setItem(COSName.TYPE, COSName.OCG);
            layer.setString(COSName.NAME, "Draft notes");
            COSArray off = new COSArray();
            off.add(layer);
            COSDictionary d = new COSDictionary();
            d.setItem(COSName.OFF, off);
            COSDictionary oc = new COSDictionary();
            COSArray ocgs = new COSArray();
            ocgs.add(layer);
            oc.setItem(COSName.OCGS, ocgs);
            oc.setItem(COSName.D, d);
            doc.getDocumentCatalog().getCOSObject().setItem(COSName.OCPROPERTIES, oc);
        });
        List<HiddenItem> hidden = format.read(in).hidden();
        assertEquals(List.of("attachment:secret.txt", "javascript:app.alert('hi');", "hidden-layer:Draft notes"),
                hidden.stream().map(h -> h.kind() + ":" + h.text()).toList());
    }

    /** Base names (subset tag removed) of the fonts our stamp put in page 1's resources. */
    private static List<String> stampFonts(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            var res = doc.getPage(0).getResources();
            List<String> names = new java.util.ArrayList<>();
            for (COSName n : res.getFontNames()) {
                if (n.getName().startsWith(StampRole.KEY)) {
                    PDFont f = res.getFont(n);
                    names.add(f.getName().replaceFirst("^[A-Z]{6}\\+", ""));
                }
            }
            return names;
        }
    }
}
