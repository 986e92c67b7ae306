package dev.marking.core.format.ooxml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Strict Open XML (ISO/IEC 29500 Strict: Word's and Excel's "Strict Open XML" save, {@code purl.oclc.org}
 * namespaces) rewritten as transitional, which is what POI's user model reads and writes. The two differ
 * in namespace and relationship-type URIs, which map one to one; a few value forms Strict allows
 * (percentages as {@code 50%}) are left as they are, as Office 2010 and later read them in transitional
 * files too.
 */
final class StrictOoxml {

    /** The relationship type of a Strict package's main part. */
    static final String STRICT_MAIN = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument";

    private static final String MARKER = "purl.oclc.org/ooxml/";
    /** {@code http://purl.oclc.org/ooxml/spreadsheetml/main} is {@code http://schemas.openxmlformats.org/spreadsheetml/2006/main}. */
    private static final Pattern NAMESPACE = Pattern.compile("http://purl\\.oclc\\.org/ooxml/([A-Za-z]+)/([A-Za-z]+)");
    /** The two names that transitional spells with a hyphen, as namespaces and as relationship types. */
    private static final Map<String, String> HYPHENATED = Map.of(
            "extendedProperties", "extended-properties",
            "customProperties", "custom-properties");
    private static final Pattern RELATIONSHIP = Pattern.compile(
            "(http://schemas\\.openxmlformats\\.org/officeDocument/2006/relationships/)(extendedProperties|customProperties)");
    private static final Pattern CONFORMANCE = Pattern.compile("\\s(?:[A-Za-z0-9]+:)?conformance=\"strict\"");

    private StrictOoxml() {
    }

    /** True when the package's root relationships name its main part with the Strict relationship type. */
    static boolean isStrict(ZipSecureFile zip) throws IOException {
        ZipArchiveEntry rels = zip.getEntry("_rels/.rels");
        if (rels == null) {
            return false;
        }
        try (InputStream in = zip.getInputStream(rels)) {
            return decode(in.readAllBytes()).contains(STRICT_MAIN);
        }
    }

    /** The whole package with every XML part translated to transitional, as ZIP bytes. */
    static byte[] toTransitional(ZipSecureFile zip) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            Enumeration<ZipArchiveEntry> entries = zip.getEntries();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry e = entries.nextElement();
                if (e.isDirectory()) {
                    continue;
                }
                byte[] data;
                try (InputStream in = zip.getInputStream(e)) {
                    data = in.readAllBytes();
                }
                if (isXml(e.getName())) {
                    data = translate(decode(data)).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(data);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** One part's XML with Strict URIs replaced by their transitional counterparts. */
    static String translate(String xml) {
        if (!xml.contains(MARKER)) {
            return xml;
        }
        Matcher m = NAMESPACE.matcher(xml);
        StringBuilder sb = new StringBuilder(xml.length() + 256);
        while (m.find()) {
            String name = HYPHENATED.getOrDefault(m.group(2), m.group(2));
            m.appendReplacement(sb, Matcher.quoteReplacement(
                    "http://schemas.openxmlformats.org/" + m.group(1) + "/2006/" + name));
        }
        m.appendTail(sb);
        Matcher r = RELATIONSHIP.matcher(sb);
        StringBuilder out = new StringBuilder(sb.length());
        while (r.find()) {
            r.appendReplacement(out, Matcher.quoteReplacement(r.group(1) + HYPHENATED.get(r.group(2))));
        }
        r.appendTail(out);
        return CONFORMANCE.matcher(out).replaceAll("");
    }

    private static boolean isXml(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".xml") || n.endsWith(".rels") || n.endsWith(".vml");
    }

    /** XML parts are UTF-8 or UTF-16 with a byte order mark; the result carries no mark. */
    private static String decode(byte[] data) {
        if (data.length >= 2 && (data[0] == (byte) 0xFE && data[1] == (byte) 0xFF
                || data[0] == (byte) 0xFF && data[1] == (byte) 0xFE)) {
            String s = new String(data, Charset.forName("UTF-16"));
            return s.replaceFirst("encoding=\"[Uu][Tt][Ff]-16\"", "encoding=\"UTF-8\"");
        }
        String s = new String(data, StandardCharsets.UTF_8);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
