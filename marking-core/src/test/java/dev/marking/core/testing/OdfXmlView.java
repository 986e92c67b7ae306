package dev.marking.core.testing;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A stamped ODF package as its XML says, read with plain DOM in the test, not with our reader: the texts of
 * each master page's headers and footers, the body's paragraphs, the user-defined metadata.
 */
public final class OdfXmlView {

    static final String STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    static final String META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0";

    private final Document styles;
    private final Document content;
    private final Document meta;

    private OdfXmlView(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            styles = parse(f, zip, "styles.xml");
            content = parse(f, zip, "content.xml");
            meta = parse(f, zip, "meta.xml");
        }
    }

    public static OdfXmlView of(Path file) throws Exception {
        return new OdfXmlView(file);
    }

    private static Document parse(DocumentBuilderFactory f, ZipFile zip, String part) throws Exception {
        try (InputStream in = zip.getInputStream(zip.getEntry(part))) {
            return f.newDocumentBuilder().parse(in);
        }
    }

    /** Master page names in order. */
    public List<String> masterPages() {
        List<String> out = new ArrayList<>();
        for (Element m : elements(styles, STYLE, "master-page")) {
            out.add(m.getAttributeNS(STYLE, "name"));
        }
        return out;
    }

    /** The paragraph texts of {@code kind} ({@code header}, {@code header-left}, …) of master page {@code name}. */
    public List<String> running(String name, String kind) {
        for (Element m : elements(styles, STYLE, "master-page")) {
            if (m.getAttributeNS(STYLE, "name").equals(name)) {
                for (Node c = m.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c instanceof Element e && STYLE.equals(e.getNamespaceURI()) && kind.equals(e.getLocalName())) {
                        return paragraphs(e);
                    }
                }
            }
        }
        return List.of();
    }

    /** The texts of the body's paragraphs, in order (own text only, without shapes). */
    public List<String> body() {
        return paragraphs(content.getDocumentElement());
    }

    /** The value of user-defined metadata field {@code name}, or null. */
    public String userDefined(String name) {
        for (Element e : elements(meta, META, "user-defined")) {
            if (e.getAttributeNS(META, "name").equals(name)) {
                return e.getTextContent();
            }
        }
        return null;
    }

    /** How many user-defined fields are named {@code name}. */
    public long userDefinedCount(String name) {
        return elements(meta, META, "user-defined").stream().filter(e -> e.getAttributeNS(META, "name").equals(name))
                .count();
    }

    /** Texts of custom shapes named {@code prefix}… in styles.xml. */
    public List<String> shapes(String prefix) {
        List<String> out = new ArrayList<>();
        for (Element e : elements(styles, "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0", "custom-shape")) {
            if (e.getAttributeNS("urn:oasis:names:tc:opendocument:xmlns:drawing:1.0", "name").startsWith(prefix)) {
                out.add(e.getTextContent().strip());
            }
        }
        return out;
    }

    private static List<String> paragraphs(Element root) {
        List<String> out = new ArrayList<>();
        for (Element p : elements(root, TEXT, "p")) {
            if (!inShape(p)) {
                StringBuilder sb = new StringBuilder();
                for (Node c = p.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c.getNodeType() == Node.TEXT_NODE) {
                        sb.append(c.getNodeValue());
                    } else if (c instanceof Element e && TEXT.equals(e.getNamespaceURI())) {
                        sb.append(e.getTextContent());
                    }
                }
                out.add(sb.toString().strip());
            }
        }
        return out;
    }

    private static boolean inShape(Element p) {
        for (Node n = p.getParentNode(); n != null; n = n.getParentNode()) {
            if ("custom-shape".equals(n.getLocalName())) {
                return true;
            }
        }
        return false;
    }

    private static List<Element> elements(Node root, String ns, String local) {
        NodeList list = root instanceof Document d ? d.getElementsByTagNameNS(ns, local)
                : ((Element) root).getElementsByTagNameNS(ns, local);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }
}
