package dev.marking.core.format.ofd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.testing.StampCases;
import dev.marking.core.format.DocumentException;
import dev.marking.core.scan.FileResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken packages: every one is a {@link DocumentException} UNREADABLE naming the limit it
 * broke, for reading and for stamping, with the input untouched and nothing left at the target.
 */
class OfdSafetyTest {

    private static final String NS = "xmlns:ofd=\"http://www.ofdspec.org/2016\"";
    private static final OfdLimits SMALL = new OfdLimits(30, 1 << 20, 3 << 20, 200, 40);

    private final OfdFormat small = new OfdFormat(List.of(), SMALL);
    private final OfdFormat standard = new OfdFormat(List.of());

    @TempDir
    Path dir;

    @Test
    void anEntryInflatingPastItsLimitIsAZipBomb() throws Exception {
        Path bomb = withEntry("bomb.ofd", "Doc_0/Res/big.png", zeros(2 << 20));
        assertRefused(small, bomb, "limit: size of one entry");
    }

    @Test
    void aHugeCompressionRatioIsAZipBomb() throws Exception {
        Path bomb = withEntry("ratio.ofd", "Doc_0/Res/big.png", zeros(4 << 20));
        assertRefused(standard, bomb, "limit: compression ratio");
    }

    @Test
    void theTotalInflatedSizeIsBounded() throws Exception {
        Map<String, byte[]> parts = minimal();
        Random r = new Random(7);
        for (int i = 0; i < 4; i++) {
            byte[] noise = new byte[900 << 10];
            r.nextBytes(noise);
            parts.put("Doc_0/Res/noise" + i + ".bin", noise);
        }
        assertRefused(small, zip("total.ofd", parts), "limit: total size");
    }

    @Test
    void theEntryCountIsBounded() throws Exception {
        Map<String, byte[]> parts = minimal();
        for (int i = 0; i < 40; i++) {
            parts.put("Doc_0/Res/f" + i + ".txt", new byte[] {1});
        }
        assertRefused(small, zip("many.ofd", parts), "limit: entry count");
    }

    @Test
    void entryNamesThatClimbOutOfThePackageAreRefused() throws Exception {
        assertRefused(standard, withEntry("slip.ofd", "../../evil.xml", "<x/>".getBytes(StandardCharsets.UTF_8)),
                "limit: entry paths");
        assertRefused(standard, withEntry("abs.ofd", "/etc/evil.xml", "<x/>".getBytes(StandardCharsets.UTF_8)),
                "limit: entry paths");
    }

    @Test
    void locationsThatClimbOutOfThePackageAreRefused() throws Exception {
        Map<String, byte[]> parts = minimal();
        parts.put("OFD.xml", xml("<ofd:OFD " + NS + "><ofd:DocBody><ofd:DocRoot>../../Doc_0/Document.xml</ofd:DocRoot>"
                + "</ofd:DocBody></ofd:OFD>"));
        assertRefused(standard, zip("climb.ofd", parts), "limit: package paths");
    }

    @Test
    void aDoctypeOrExternalEntityIsRefused() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        Map<String, byte[]> parts = minimal();
        parts.put("OFD.xml", xml("<!DOCTYPE ofd:OFD [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]><ofd:OFD " + NS
                + "><ofd:DocBody><ofd:DocInfo><ofd:Title>&x;</ofd:Title></ofd:DocInfo>"
                + "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"));
        DocumentException e = assertRefused(standard, zip("xxe.ofd", parts), "limit: no DTD or external entities");
        assertFalse(e.getMessage().contains("TOP-SECRET"), e.getMessage());
    }

    @Test
    void deepNestingIsRefused() throws Exception {
        Map<String, byte[]> parts = minimal();
        String open = "<ofd:PageBlock>".repeat(60);
        String close = "</ofd:PageBlock>".repeat(60);
        parts.put("Doc_0/Pages/Page_0/Content.xml", xml("<ofd:Page " + NS + "><ofd:Content><ofd:Layer>" + open + close
                + "</ofd:Layer></ofd:Content></ofd:Page>"));
        assertRefused(small, zip("deep.ofd", parts), "limit: XML nesting depth");
    }

    @Test
    void brokenPackagesAreUnreadable() throws Exception {
        Path notZip = Files.write(dir.resolve("text.ofd"), "just text, not a package".getBytes(StandardCharsets.UTF_8));
        assertRefused(standard, notZip, "not an OFD package");
        Map<String, byte[]> noRoot = minimal();
        noRoot.remove("OFD.xml");
        assertRefused(standard, zip("noroot.ofd", noRoot), "no OFD.xml");
        Map<String, byte[]> noPage = minimal();
        noPage.remove("Doc_0/Pages/Page_0/Content.xml");
        assertRefused(standard, zip("nopage.ofd", noPage), "Doc_0/Pages/Page_0/Content.xml is named but missing");
        Map<String, byte[]> badXml = minimal();
        badXml.put("Doc_0/Document.xml", xml("<ofd:Document " + NS + "><ofd:Pages>"));
        assertRefused(standard, zip("badxml.ofd", badXml), "is not well-formed XML");
    }

    @Test
    void entryNamesInTheLocalCodePageAreRead() throws Exception {
        Map<String, byte[]> parts = minimal();
        Path file = dir.resolve("gbk.ofd");
        try (OutputStream out = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(out, Charset.forName("GBK"))) {
            parts.put("Doc_0/附件/名单.txt", new byte[] {1});
            for (Map.Entry<String, byte[]> e : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        assertEquals(1, standard.read(file).slots().size());
    }

    @Test
    void anEncryptedPackageIsEncrypted() throws Exception {
        Path file = zip("enc.ofd", minimal());
        byte[] b = Files.readAllBytes(file);
        for (int i = 0; i + 10 < b.length; i++) {
            int sig = b[i] & 0xFF | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
            if (sig == 0x04034b50) {
                b[i + 6] |= 1; // local header: general purpose flag bit 0, "encrypted"
            } else if (sig == 0x02014b50) {
                b[i + 8] |= 1; // central directory header: the same flag
            }
        }
        Files.write(file, b);
        DocumentException e = assertThrows(DocumentException.class, () -> standard.read(file));
        assertEquals(DocumentException.Kind.ENCRYPTED, e.kind(), e.getMessage());
        assertEquals(List.of("file.encrypted"), OfdTestSupport.scanner().check(file).findings().stream()
                .map(f -> f.rule()).toList());
    }

    @Test
    void theScannerReportsABombAsAnUnreadableFile() throws Exception {
        Path bomb = withEntry("bomb.ofd", "Doc_0/Res/big.png", zeros(4 << 20));
        FileResult r = OfdTestSupport.scanner().check(bomb);
        assertEquals(List.of("file.unreadable"), r.findings().stream().map(f -> f.rule()).toList());
        assertTrue(r.findings().get(0).message().contains("compression ratio"), r.findings().get(0).message());
    }

    @Test
    void theMinimalPackageItselfIsFine() throws Exception {
        Path ok = zip("ok.ofd", minimal());
        assertEquals(1, small.read(ok).slots().size());
        Path out = dir.resolve("out.ofd");
        small.stamp(ok, out, StampCases.first());
        assertEquals(1, small.read(out).slots().size());
    }

    /** Reading and stamping both fail UNREADABLE with {@code limit} in the message; input kept, no output. */
    private DocumentException assertRefused(OfdFormat format, Path file, String limit) throws IOException {
        byte[] before = Files.readAllBytes(file);
        DocumentException read = assertThrows(DocumentException.class, () -> format.read(file));
        assertEquals(DocumentException.Kind.UNREADABLE, read.kind(), read.getMessage());
        assertTrue(read.getMessage().contains(limit), read.getMessage());
        Path target = Files.createFile(dir.resolve("target-" + file.getFileName()));
        DocumentException stamp = assertThrows(DocumentException.class, () -> format.stamp(file, target,
                StampCases.first()));
        assertEquals(DocumentException.Kind.UNREADABLE, stamp.kind());
        assertTrue(stamp.getMessage().contains(limit), stamp.getMessage());
        assertFalse(Files.exists(target), "nothing left at the target");
        assertArrayEquals(before, Files.readAllBytes(file), "input unchanged");
        return read;
    }

    private Path withEntry(String name, String entry, byte[] bytes) throws IOException {
        Map<String, byte[]> parts = minimal();
        parts.put(entry, bytes);
        return zip(name, parts);
    }

    /** The smallest sound package: OFD.xml, Document.xml and one page with a line of text. */
    private static Map<String, byte[]> minimal() {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("OFD.xml", xml("<ofd:OFD " + NS + "><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>"
                + "</ofd:DocBody></ofd:OFD>"));
        parts.put("Doc_0/Document.xml", xml("<ofd:Document " + NS + "><ofd:CommonData><ofd:MaxUnitID>3</ofd:MaxUnitID>"
                + "</ofd:CommonData><ofd:Pages><ofd:Page ID=\"1\" BaseLoc=\"Pages/Page_0/Content.xml\"/></ofd:Pages>"
                + "</ofd:Document>"));
        parts.put("Doc_0/Pages/Page_0/Content.xml", xml("<ofd:Page " + NS + "><ofd:Content><ofd:Layer ID=\"2\">"
                + "<ofd:TextObject ID=\"3\" Boundary=\"30 50 40 6\" Size=\"4\"><ofd:TextCode X=\"0\" Y=\"4\">正文</ofd:TextCode>"
                + "</ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>"));
        return parts;
    }

    private static byte[] xml(String body) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + body).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] zeros(int n) {
        return new byte[n];
    }

    private Path zip(String name, Map<String, byte[]> parts) throws IOException {
        Path file = OfdXPath.zip(parts, dir.resolve(name));
        try (ZipFile check = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> all = check.entries();
            assertTrue(all.hasMoreElements(), "a real ZIP");
        }
        return file;
    }
}
