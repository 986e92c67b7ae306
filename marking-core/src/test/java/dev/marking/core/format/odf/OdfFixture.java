package dev.marking.core.format.odf;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Small, real OpenDocument files written as XML in the test: text documents with headers (default, left,
 * first), comments, hidden sections and pages; spreadsheets with cells, hidden sheets and sheet headers;
 * presentations with slides, notes and master text. LibreOffice opens all of them.
 */
final class OdfFixture {

    private static final String NS = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
            + " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
            + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
            + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
            + " xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\""
            + " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""
            + " xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\""
            + " xmlns:presentation=\"urn:oasis:names:tc:opendocument:xmlns:presentation:1.0\""
            + " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\""
            + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"";
    private static final String A4 = "<style:page-layout style:name=\"pm1\"><style:page-layout-properties"
            + " fo:page-width=\"21cm\" fo:page-height=\"29.7cm\" fo:margin-top=\"2cm\" fo:margin-bottom=\"2cm\""
            + " fo:margin-left=\"2.5cm\" fo:margin-right=\"2.5cm\"/><style:header-style/><style:footer-style/>"
            + "</style:page-layout>";

    private final String mimetype;
    private final StringBuilder body = new StringBuilder();
    private final StringBuilder automatic = new StringBuilder();
    private final Map<String, String> running = new LinkedHashMap<>();
    private final List<String> masterShapes = new ArrayList<>();
    private final Map<String, String> meta = new LinkedHashMap<>();
    private boolean firstPageMaster;
    private String prefix = "";

    private OdfFixture(String mimetype) {
        this.mimetype = mimetype;
    }

    static OdfFixture text() {
        return new OdfFixture("application/vnd.oasis.opendocument.text");
    }

    static OdfFixture spreadsheet() {
        return new OdfFixture("application/vnd.oasis.opendocument.spreadsheet");
    }

    static OdfFixture presentation() {
        return new OdfFixture("application/vnd.oasis.opendocument.presentation");
    }

    /** A body paragraph (text), or a paragraph-level element given as XML when it starts with {@code <}. */
    OdfFixture paragraph(String text) {
        body.append(text.startsWith("<") ? text : "<text:p text:style-name=\"Standard\">" + esc(text) + "</text:p>");
        return this;
    }

    /** A paragraph that starts a new page. */
    OdfFixture pageBreak(String text) {
        ensureStyle("PBreak", "<style:style style:name=\"PBreak\" style:family=\"paragraph\" style:parent-style-name="
                + "\"Standard\"><style:paragraph-properties fo:break-before=\"page\"/></style:style>");
        body.append("<text:p text:style-name=\"PBreak\">").append(esc(text)).append("</text:p>");
        return this;
    }

    /** A paragraph carrying a comment (office:annotation). */
    OdfFixture commented(String text, String comment) {
        body.append("<text:p><office:annotation><dc:creator>张三</dc:creator><text:p>").append(esc(comment))
                .append("</text:p></office:annotation>").append(esc(text)).append("</text:p>");
        return this;
    }

    /** A section that is not displayed. */
    OdfFixture hiddenSection(String text) {
        body.append("<text:section text:name=\"hidden1\" text:display=\"none\"><text:p>").append(esc(text))
                .append("</text:p></text:section>");
        return this;
    }

    /** {@code kind}: header, header-left, header-first, footer, footer-left, footer-first. */
    OdfFixture running(String kind, String text) {
        running.put(kind, text);
        return this;
    }

    /** The first paragraph starts a master page of its own ("First Page"), as Word's ODF export writes it. */
    OdfFixture firstPageMaster() {
        firstPageMaster = true;
        ensureStyle("PFirst", "<style:style style:name=\"PFirst\" style:family=\"paragraph\" style:parent-style-name="
                + "\"Standard\" style:master-page-name=\"First_20_Page\"><style:paragraph-properties"
                + " fo:break-before=\"page\"/></style:style>");
        prefix = "PFirst";
        return this;
    }

    /** A user-defined metadata field. */
    OdfFixture meta(String name, String value) {
        meta.put(name, value);
        return this;
    }

    /** A sheet with cells given as {@code {row, column, text}} (0-based), hidden when asked. */
    OdfFixture sheet(String name, boolean hidden, String[][] cells) {
        if (hidden) {
            ensureStyle("taHidden", "<style:style style:name=\"taHidden\" style:family=\"table\"><style:table-properties"
                    + " table:display=\"false\"/></style:style>");
        }
        body.append("<table:table table:name=\"").append(esc(name)).append('"')
                .append(hidden ? " table:style-name=\"taHidden\"" : "").append('>');
        int rows = 0;
        for (String[] c : cells) {
            rows = Math.max(rows, Integer.parseInt(c[0]) + 1);
        }
        for (int r = 0; r < rows; r++) {
            body.append("<table:table-row>");
            int col = 0;
            for (String[] c : cells) {
                if (Integer.parseInt(c[0]) != r) {
                    continue;
                }
                int at = Integer.parseInt(c[1]);
                if (at > col) {
                    body.append("<table:table-cell table:number-columns-repeated=\"").append(at - col).append("\"/>");
                }
                body.append("<table:table-cell office:value-type=\"string\"><text:p>").append(esc(c[2]))
                        .append("</text:p></table:table-cell>");
                col = at + 1;
            }
            body.append("</table:table-row>");
        }
        body.append("</table:table>");
        return this;
    }

    /** A slide with one text box per line, and speaker notes when {@code notes} is not null. */
    OdfFixture slide(String notes, String... lines) {
        body.append("<draw:page draw:name=\"s").append(body.length()).append("\" draw:master-page-name=\"Default\">");
        for (String line : lines) {
            body.append("<draw:frame svg:x=\"2cm\" svg:y=\"2cm\" svg:width=\"20cm\" svg:height=\"3cm\"><draw:text-box>"
                    + "<text:p>").append(esc(line)).append("</text:p></draw:text-box></draw:frame>");
        }
        if (notes != null) {
            body.append("<presentation:notes><draw:frame presentation:class=\"notes\" svg:x=\"2cm\" svg:y=\"14cm\""
                    + " svg:width=\"16cm\" svg:height=\"10cm\"><draw:text-box><text:p>").append(esc(notes))
                    .append("</text:p></draw:text-box></draw:frame></presentation:notes>");
        }
        body.append("</draw:page>");
        return this;
    }

    /** Text the master page puts on every slide (not a placeholder). */
    OdfFixture masterText(String text) {
        masterShapes.add("<draw:frame svg:x=\"1cm\" svg:y=\"0.5cm\" svg:width=\"10cm\" svg:height=\"1.5cm\">"
                + "<draw:text-box><text:p>" + esc(text) + "</text:p></draw:text-box></draw:frame>");
        return this;
    }

    Path build(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            byte[] type = mimetype.getBytes(StandardCharsets.US_ASCII);
            ZipEntry m = new ZipEntry("mimetype");
            m.setMethod(ZipEntry.STORED);
            m.setSize(type.length);
            CRC32 crc = new CRC32();
            crc.update(type);
            m.setCrc(crc.getValue());
            zip.putNextEntry(m);
            zip.write(type);
            zip.closeEntry();
            put(zip, "META-INF/manifest.xml", "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:"
                    + "xmlns:manifest:1.0\" manifest:version=\"1.2\"><manifest:file-entry manifest:full-path=\"/\""
                    + " manifest:media-type=\"" + mimetype + "\"/><manifest:file-entry manifest:full-path=\"content.xml\""
                    + " manifest:media-type=\"text/xml\"/><manifest:file-entry manifest:full-path=\"styles.xml\""
                    + " manifest:media-type=\"text/xml\"/><manifest:file-entry manifest:full-path=\"meta.xml\""
                    + " manifest:media-type=\"text/xml\"/></manifest:manifest>");
            put(zip, "content.xml", content());
            put(zip, "styles.xml", styles());
            put(zip, "meta.xml", meta());
        }
        return file;
    }

    private String content() {
        String kind = mimetype.substring(mimetype.lastIndexOf('.') + 1);
        String inner = body.toString();
        if (!prefix.isEmpty()) {
            inner = inner.replaceFirst("text:style-name=\"Standard\"", "text:style-name=\"" + prefix + "\"");
        }
        return "<office:document-content " + NS + " office:version=\"1.2\"><office:automatic-styles>" + automatic
                + "</office:automatic-styles><office:body><office:" + kind + ">" + inner + "</office:" + kind
                + "></office:body></office:document-content>";
    }

    private String styles() {
        StringBuilder masters = new StringBuilder();
        String name = mimetype.endsWith("text") ? "Standard" : "Default";
        masters.append("<style:master-page style:name=\"").append(name).append("\" style:page-layout-name=\"pm1\">");
        for (String kind : List.of("header", "header-left", "header-first", "footer", "footer-left", "footer-first")) {
            String t = running.get(kind);
            if (t != null) {
                masters.append("<style:").append(kind).append("><text:p>").append(esc(t)).append("</text:p></style:")
                        .append(kind).append('>');
            }
        }
        masterShapes.forEach(masters::append);
        masters.append("</style:master-page>");
        if (firstPageMaster) {
            masters.append("<style:master-page style:name=\"First_20_Page\" style:display-name=\"First Page\""
                    + " style:page-layout-name=\"pm1\" style:next-style-name=\"").append(name).append("\">")
                    .append("<style:header><text:p>").append(esc(running.getOrDefault("first-page", "首页页眉")))
                    .append("</text:p></style:header></style:master-page>");
        }
        return "<office:document-styles " + NS + " office:version=\"1.2\"><office:styles><style:style"
                + " style:name=\"Standard\" style:family=\"paragraph\"/></office:styles><office:automatic-styles>" + A4
                + "</office:automatic-styles><office:master-styles>" + masters
                + "</office:master-styles></office:document-styles>";
    }

    private String meta() {
        StringBuilder sb = new StringBuilder("<office:document-meta " + NS + " office:version=\"1.2\"><office:meta>");
        meta.forEach((k, v) -> sb.append("<meta:user-defined meta:name=\"").append(esc(k)).append("\">").append(esc(v))
                .append("</meta:user-defined>"));
        return sb.append("</office:meta></office:document-meta>").toString();
    }

    private void ensureStyle(String name, String xml) {
        if (automatic.indexOf("style:name=\"" + name + "\"") < 0) {
            automatic.append(xml);
        }
    }

    private static void put(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + xml).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
