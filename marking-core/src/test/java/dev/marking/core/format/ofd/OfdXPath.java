package dev.marking.core.format.ofd;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The tests' own OFD reader, independent of the adapter: the package through {@code java.util.zip}, its
 * parts through XPath on local names. It follows {@code OFD.xml → DocRoot → Pages/Page@BaseLoc} and
 * returns what each page draws as it is written, in document order.
 */
final class OfdXPath {

    /** One text object: its {@code Name}, {@code Boundary} (x y w h) and the text of its text codes. */
    record TextObject(String name, double[] boundary, String text) {
    }

    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    OfdXPath(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                try (InputStream in = zip.getInputStream(e)) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
        }
    }

    Map<String, byte[]> entries() {
        return entries;
    }

    /** Zips {@code entries} into {@code out} (tests build and edit packages with it). */
    static Path zip(Map<String, byte[]> entries, Path out) throws IOException {
        try (OutputStream o = Files.newOutputStream(out); ZipOutputStream zip = new ZipOutputStream(o)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out;
    }

    /** The package paths of the pages' content, in page order. */
    List<String> pages() throws Exception {
        String docRoot = resolve("OFD.xml", string("OFD.xml", "(//*[local-name()='DocRoot'])[1]"));
        List<String> out = new ArrayList<>();
        for (Node page : nodes(docRoot, "/*/*[local-name()='Pages']/*[local-name()='Page']")) {
            out.add(resolve(docRoot, ((Element) page).getAttribute("BaseLoc")));
        }
        return out;
    }

    /** The document's default physical box. */
    double[] physicalBox() throws Exception {
        String docRoot = resolve("OFD.xml", string("OFD.xml", "(//*[local-name()='DocRoot'])[1]"));
        return numbers(string(docRoot,
                "//*[local-name()='CommonData']/*[local-name()='PageArea']/*[local-name()='PhysicalBox']"));
    }

    /** Every text object of a page part, in document order. */
    List<TextObject> textObjects(String page) throws Exception {
        List<TextObject> out = new ArrayList<>();
        for (Node n : nodes(page, "//*[local-name()='TextObject']")) {
            Element e = (Element) n;
            StringBuilder text = new StringBuilder();
            for (Node code : nodes(e, "*[local-name()='TextCode']")) {
                text.append(code.getTextContent());
            }
            out.add(new TextObject(e.getAttribute("Name"), numbers(e.getAttribute("Boundary")), text.toString()));
        }
        return out;
    }

    /** The value of {@code CustomData[@Name=name]} in {@code OFD.xml}, or "". */
    String customData(String name) throws Exception {
        return string("OFD.xml", "//*[local-name()='CustomData'][@Name='" + name + "']");
    }

    String string(String part, String xpath) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(xpath, parse(part)).strip();
    }

    private List<Node> nodes(String part, String xpath) throws Exception {
        return nodes(parse(part), xpath);
    }

    private static List<Node> nodes(Object context, String xpath) throws Exception {
        NodeList list = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, context, XPathConstants.NODESET);
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add(list.item(i));
        }
        return out;
    }

    private Document parse(String part) throws Exception {
        byte[] bytes = entries.get(part);
        if (bytes == null) {
            throw new IOException("no part " + part);
        }
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    /** {@code loc} relative to the folder of {@code from}, or from the root when it starts with '/'. */
    static String resolve(String from, String loc) {
        String base = loc.startsWith("/") ? "" : from.substring(0, from.lastIndexOf('/') + 1);
        String joined = base + (loc.startsWith("/") ? loc.substring(1) : loc);
        List<String> parts = new ArrayList<>();
        for (String s : joined.split("/")) {
            if (s.equals("..")) {
                parts.remove(parts.size() - 1);
            } else if (!s.isEmpty() && !s.equals(".")) {
                parts.add(s);
            }
        }
        return String.join("/", parts);
    }

    static double[] numbers(String s) {
        String[] parts = s.strip().split("\\s+");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Double.parseDouble(parts[i]);
        }
        return out;
    }
}
