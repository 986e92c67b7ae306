package dev.marking.core.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A fluent builder of small, real OFD packages (GB/T 33190-2016), written as XML text and zipped with
 * {@code java.util.zip}; it shares no code with the adapter. A4 pages with lines of text (one text object
 * per line, or one per glyph in scrambled order), layers, a template, annotations with remarks, hidden
 * text, custom data, attachments, custom tags and an electronic seal over chosen parts.
 */
public final class OfdFixture {

    /** The OFD namespace. */
    public static final String NS = "http://www.ofdspec.org/2016";
    /** Left edge and first baseline of a page's lines, line pitch and glyph size (mm). */
    public static final double LEFT = 30;
    public static final double FIRST_BASELINE = 48;
    public static final double PITCH = 8;
    public static final double SIZE = 4;

    private final List<List<String>> pages = new ArrayList<>();
    private final Map<String, String> customData = new LinkedHashMap<>();
    private final Map<String, byte[]> attachments = new LinkedHashMap<>();
    private final List<String> customTags = new ArrayList<>();
    private final List<String[]> annotations = new ArrayList<>();
    private String template;
    private String prefix = "ofd:";
    private List<String> sealed;
    private int id = 100;

    OfdFixture() {
    }

    /** Starts a new page; lines go onto the last page started. */
    public OfdFixture page() {
        pages.add(new ArrayList<>());
        return this;
    }

    /** A line of text, one text object with its advances given in the {@code g} shorthand where it can. */
    public OfdFixture line(String text) {
        return add("line", text);
    }

    /** A line written one text object per glyph, the objects in reverse order (readers sort by position). */
    public OfdFixture glyphs(String text) {
        return add("glyphs", text);
    }

    /** A line in a text object with {@code Visible="false"}. */
    public OfdFixture hiddenLine(String text) {
        return add("hidden", text);
    }

    /** Further lines of this page go into a new layer. */
    public OfdFixture layer() {
        return add("layer", "");
    }

    /** A template every page uses, drawing {@code text} near the bottom. */
    public OfdFixture template(String text) {
        template = text;
        return this;
    }

    /** An annotation on the current page whose appearance draws {@code text}, with {@code remark}. */
    public OfdFixture annotation(String text, String remark) {
        annotations.add(new String[] {Integer.toString(pages.size()), text, remark});
        return this;
    }

    public OfdFixture customData(String name, String value) {
        customData.put(name, value);
        return this;
    }

    public OfdFixture attachment(String name, byte[] bytes) {
        attachments.put(name, bytes);
        return this;
    }

    /** A custom tag file with {@code text} inside. */
    public OfdFixture customTag(String text) {
        customTags.add(text);
        return this;
    }

    /** Every part in the default namespace instead of the {@code ofd:} prefix. */
    public OfdFixture unprefixed() {
        prefix = "";
        return this;
    }

    /**
     * An electronic seal whose {@code References} name {@code paths} (package paths, e.g. {@code /OFD.xml})
     * with their real SHA-256 check values. The seal and signed value are placeholder bytes: nothing here
     * verifies signatures, the tests compare what the references cover.
     */
    public OfdFixture sealedOver(String... paths) {
        sealed = List.of(paths);
        return this;
    }

    /** Writes the package to {@code file}. */
    public Path build(Path file) {
        if (pages.isEmpty()) {
            page();
        }
        Map<String, byte[]> parts = new LinkedHashMap<>();
        List<String> pageRefs = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            int pageId = ++id;
            pageRefs.add("<" + p("Page") + " ID=\"" + pageId + "\" BaseLoc=\"Pages/Page_" + i + "/Content.xml\"/>");
            put(parts, "Doc_0/Pages/Page_" + i + "/Content.xml", pageXml(pages.get(i)));
        }
        put(parts, "Doc_0/PublicRes.xml", root("Res", "BaseLoc=\"Res\"") + "<" + p("Fonts") + "><" + p("Font")
                + " ID=\"1\" FontName=\"宋体\" FamilyName=\"宋体\"/></" + p("Fonts") + "></" + p("Res") + ">");
        StringBuilder extra = new StringBuilder();
        if (!annotations.isEmpty()) {
            annotationParts(parts, pageRefs);
            extra.append(el("Annotations", "/Doc_0/Annots/Annotations.xml"));
        }
        if (!attachments.isEmpty()) {
            attachmentParts(parts);
            extra.append(el("Attachments", "Attachments.xml"));
        }
        if (!customTags.isEmpty()) {
            tagParts(parts);
            extra.append(el("CustomTags", "Tags/CustomTags.xml"));
        }
        String templateRef = "";
        if (template != null) {
            templateRef = "<" + p("TemplatePage") + " ID=\"2\" BaseLoc=\"Tpls/Tpl_0/Content.xml\"/>";
            put(parts, "Doc_0/Tpls/Tpl_0/Content.xml", root("Page", "") + "<" + p("Content") + "><" + p("Layer")
                    + " ID=\"3\">" + textObject(LEFT, 280, template, "") + "</" + p("Layer") + "></" + p("Content") + "></"
                    + p("Page") + ">");
        }
        put(parts, "Doc_0/Document.xml", root("Document", "") + "<" + p("CommonData") + ">"
                + el("MaxUnitID", Integer.toString(++id))
                + "<" + p("PageArea") + ">" + el("PhysicalBox", "0 0 210 297") + "</" + p("PageArea") + ">"
                + el("PublicRes", "PublicRes.xml") + templateRef + "</" + p("CommonData") + "><" + p("Pages") + ">"
                + String.join("", pageRefs) + "</" + p("Pages") + ">" + extra + "</" + p("Document") + ">");
        put(parts, "OFD.xml", ofdXml());
        if (sealed != null) {
            sealParts(parts);
        }
        write(file, parts);
        return file;
    }

    private OfdFixture add(String kind, String text) {
        if (pages.isEmpty()) {
            page();
        }
        pages.get(pages.size() - 1).add(kind + "\u0000" + text);
        return this;
    }

    private String pageXml(List<String> lines) {
        StringBuilder sb = new StringBuilder(root("Page", ""));
        if (template != null) {
            sb.append("<").append(p("Template")).append(" TemplateID=\"2\" ZOrder=\"Background\"/>");
        }
        sb.append("<").append(p("Content")).append("><").append(p("Layer")).append(" ID=\"").append(++id).append("\">");
        double y = FIRST_BASELINE;
        for (String spec : lines) {
            String kind = spec.substring(0, spec.indexOf('\u0000'));
            String text = spec.substring(spec.indexOf('\u0000') + 1);
            switch (kind) {
                case "layer" -> sb.append("</").append(p("Layer")).append("><").append(p("Layer")).append(" ID=\"")
                        .append(++id).append("\" Type=\"Body\">");
                case "glyphs" -> {
                    List<String> objects = new ArrayList<>();
                    int[] cps = text.codePoints().toArray();
                    for (int i = 0; i < cps.length; i++) {
                        objects.add(0, textObject(LEFT + i * SIZE, y, new String(cps, i, 1), ""));
                    }
                    objects.forEach(sb::append);
                    y += PITCH;
                }
                default -> {
                    sb.append(textObject(LEFT, y, text, kind.equals("hidden") ? " Visible=\"false\"" : ""));
                    y += PITCH;
                }
            }
        }
        return sb.append("</").append(p("Layer")).append("></").append(p("Content")).append("></").append(p("Page"))
                .append(">").toString();
    }

    /** A text object whose baseline is at page {@code y}, glyphs {@link #SIZE} apart. */
    private String textObject(double x, double y, String text, String attributes) {
        int n = text.codePointCount(0, text.length());
        String deltas = n > 1 ? " DeltaX=\"g " + (n - 1) + " " + SIZE + "\"" : "";
        return "<" + p("TextObject") + " ID=\"" + ++id + "\" Boundary=\"" + x + " " + (y - SIZE) + " " + (n * SIZE) + " "
                + (SIZE * 1.3) + "\" Font=\"1\" Size=\"" + SIZE + "\"" + attributes + "><" + p("TextCode") + " X=\"0\" Y=\""
                + SIZE + "\"" + deltas + ">" + escape(text) + "</" + p("TextCode") + "></" + p("TextObject") + ">";
    }

    private void annotationParts(Map<String, byte[]> parts, List<String> pageRefs) {
        StringBuilder index = new StringBuilder(root("Annotations", ""));
        for (int i = 0; i < annotations.size(); i++) {
            String[] a = annotations.get(i);
            int page = Integer.parseInt(a[0]) - 1;
            String pageId = pageRefs.get(page).replaceAll(".*ID=\"(\\d+)\".*", "$1");
            index.append("<").append(p("Page")).append(" PageID=\"").append(pageId).append("\">")
                    .append(el("FileLoc", "Page_" + page + "/Annot_" + i + ".xml")).append("</").append(p("Page")).append(">");
            put(parts, "Doc_0/Annots/Page_" + page + "/Annot_" + i + ".xml", root("PageAnnot", "") + "<" + p("Annot")
                    + " ID=\"" + ++id + "\" Type=\"Highlight\">" + el("Remark", a[2]) + "<" + p("Appearance")
                    + " Boundary=\"20 200 150 20\">" + textObject(5, 10, a[1], "") + "</" + p("Appearance") + "></"
                    + p("Annot") + "></" + p("PageAnnot") + ">");
        }
        put(parts, "Doc_0/Annots/Annotations.xml", index + "</" + p("Annotations") + ">");
    }

    private void attachmentParts(Map<String, byte[]> parts) {
        StringBuilder list = new StringBuilder(root("Attachments", ""));
        int i = 0;
        for (Map.Entry<String, byte[]> a : attachments.entrySet()) {
            String path = "Doc_0/Res/attach_" + i++ + ".bin";
            parts.put(path, a.getValue());
            list.append("<").append(p("Attachment")).append(" ID=\"").append(++id).append("\" Name=\"")
                    .append(escape(a.getKey())).append("\" Format=\"txt\">").append(el("FileLoc", "/" + path))
                    .append("</").append(p("Attachment")).append(">");
        }
        put(parts, "Doc_0/Attachments.xml", list + "</" + p("Attachments") + ">");
    }

    private void tagParts(Map<String, byte[]> parts) {
        StringBuilder list = new StringBuilder(root("CustomTags", ""));
        for (int i = 0; i < customTags.size(); i++) {
            put(parts, "Doc_0/Tags/Tag_" + i + ".xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><tags><tag>"
                    + escape(customTags.get(i)) + "</tag></tags>");
            list.append("<").append(p("CustomTag")).append(" TypeID=\"test").append(i).append("\">")
                    .append(el("FileLoc", "Tag_" + i + ".xml")).append("</").append(p("CustomTag")).append(">");
        }
        put(parts, "Doc_0/Tags/CustomTags.xml", list + "</" + p("CustomTags") + ">");
    }

    private void sealParts(Map<String, byte[]> parts) {
        parts.put("Doc_0/Signs/Sign_0/Seal.esl", "placeholder seal".getBytes(StandardCharsets.UTF_8));
        parts.put("Doc_0/Signs/Sign_0/SignedValue.dat", "placeholder signed value".getBytes(StandardCharsets.UTF_8));
        put(parts, "Doc_0/Signs/Signatures.xml", root("Signatures", "") + "<" + p("Signature")
                + " ID=\"s1\" Type=\"Seal\" BaseLoc=\"Sign_0/Signature.xml\"/></" + p("Signatures") + ">");
        StringBuilder refs = new StringBuilder();
        for (String path : sealed) {
            byte[] bytes = parts.get(path.startsWith("/") ? path.substring(1) : path);
            refs.append("<").append(p("Reference")).append(" FileRef=\"").append(path).append("\">")
                    .append(el("CheckValue", bytes == null ? "" : sha256(bytes))).append("</").append(p("Reference"))
                    .append(">");
        }
        put(parts, "Doc_0/Signs/Sign_0/Signature.xml", root("Signature", "") + el("SignedValue",
                "/Doc_0/Signs/Sign_0/SignedValue.dat") + "<" + p("SignedInfo") + "><" + p("Seal") + ">"
                + el("BaseLoc", "/Doc_0/Signs/Sign_0/Seal.esl") + "</" + p("Seal") + "><" + p("References")
                + " CheckMethod=\"SHA-256\">" + refs + "</" + p("References") + "></" + p("SignedInfo") + "></"
                + p("Signature") + ">");
    }

    private String ofdXml() {
        StringBuilder datas = new StringBuilder();
        customData.forEach((k, v) -> datas.append("<").append(p("CustomData")).append(" Name=\"").append(escape(k))
                .append("\">").append(escape(v)).append("</").append(p("CustomData")).append(">"));
        String custom = datas.length() == 0 ? "" : "<" + p("CustomDatas") + ">" + datas + "</" + p("CustomDatas") + ">";
        String seal = sealed == null ? "" : el("Signatures", "/Doc_0/Signs/Signatures.xml");
        return root("OFD", "Version=\"1.1\" DocType=\"OFD\"") + "<" + p("DocBody") + "><" + p("DocInfo") + ">"
                + el("DocID", "fixture") + el("CreationDate", "2026-11-23") + custom + "</" + p("DocInfo") + ">"
                + el("DocRoot", "Doc_0/Document.xml") + seal + "</" + p("DocBody") + "></" + p("OFD") + ">";
    }

    private String root(String local, String attributes) {
        String ns = prefix.isEmpty() ? " xmlns=\"" + NS + "\"" : " xmlns:ofd=\"" + NS + "\"";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><" + p(local) + ns + (attributes.isEmpty() ? "" : " " + attributes)
                + ">";
    }

    private String el(String local, String text) {
        return "<" + p(local) + ">" + escape(text) + "</" + p(local) + ">";
    }

    private String p(String local) {
        return prefix + local;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void put(Map<String, byte[]> parts, String name, String xml) {
        parts.put(name, xml.getBytes(StandardCharsets.UTF_8));
    }

    /** Base64 SHA-256, the form of an OFD {@code CheckValue}. */
    public static String sha256(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, Map<String, byte[]> parts) {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
