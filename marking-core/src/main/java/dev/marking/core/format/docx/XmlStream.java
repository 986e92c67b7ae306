package dev.marking.core.format.docx;

import dev.marking.core.format.PoiLimits;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * One XML part read as a stream (StAX), with the guards a hostile package needs: no DTDs or external
 * entities, at most {@link #MAX_DEPTH} nested elements and at most {@link #MAX_PART_BYTES} inflated bytes.
 * Small subtrees (a paragraph, a header) are turned into DOM elements on demand, so the DOM-based story
 * readers work unchanged while memory follows one paragraph, not the whole part.
 */
final class XmlStream implements AutoCloseable {

    /** Elements nested deeper than this make the part unreadable (Word itself writes fewer than 100). */
    static final int MAX_DEPTH = 1_000;
    /** A part that inflates to more than this many bytes is refused (the largest real documents are far smaller). */
    static final long MAX_PART_BYTES = PoiLimits.MAX_PART_BYTES;

    /** A part broke one of the limits; the message names the limit. */
    static final class LimitException extends XMLStreamException {
        private static final long serialVersionUID = 1L;

        LimitException(String message) {
            super(message);
        }
    }

    private static final XMLInputFactory FACTORY = factory();

    private final String name;
    private final InputStream in;
    private final XMLStreamReader reader;
    private final Document owner;
    private int depth;
    /** Qualified names by prefix and local name: a part repeats a few dozen names millions of times. */
    private final Map<String, Map<String, String>> names = new HashMap<>();

    private XmlStream(String name, InputStream in, XMLStreamReader reader, Document owner) {
        this.name = name;
        this.in = in;
        this.reader = reader;
        this.owner = owner;
    }

    /** Opens {@code part} (named {@code name} in messages); the stream is positioned before the root element. */
    static XmlStream open(String name, InputStream part) throws XMLStreamException {
        InputStream in = new Bounded(part, name);
        return new XmlStream(name, in, FACTORY.createXMLStreamReader(in), newDocument());
    }

    private static XMLInputFactory factory() {
        // Woodstox: the verify of a DOCX with a 100 MB document.xml takes 15 % less time than with the JDK's parser.
        // Its own limits are set so that ours (depth, part size) speak first and it accepts what the JDK's parser
        // accepted (attribute counts up to the JDK's 10,000, attribute values of any length within the part's bytes).
        XMLInputFactory f = new com.ctc.wstx.stax.WstxInputFactory();
        f.setProperty(com.ctc.wstx.api.WstxInputProperties.P_MAX_ELEMENT_DEPTH, MAX_DEPTH + 1);
        f.setProperty(com.ctc.wstx.api.WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, 10_000);
        f.setProperty(com.ctc.wstx.api.WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, Integer.MAX_VALUE);
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    private static Document newDocument() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            Document d = f.newDocumentBuilder().newDocument();
            // The parser has checked every name already; the DOM need not check each one again.
            d.setStrictErrorChecking(false);
            return d;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no DOM implementation", e);
        }
    }

    /** The next start or end tag (text and comments skipped); {@code END_DOCUMENT} at the end. */
    int nextTag() throws XMLStreamException {
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (++depth > MAX_DEPTH) {
                    throw nestedTooDeep();
                }
                return event;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                return event;
            }
        }
        return XMLStreamConstants.END_DOCUMENT;
    }

    private LimitException nestedTooDeep() {
        return new LimitException(name + ": XML nesting deeper than " + String.format("%,d", MAX_DEPTH) + " elements");
    }

    /** The message of a broken limit among the causes of {@code e}, if one is there. */
    static Optional<String> limitBroken(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof LimitException || t instanceof TooLarge) {
                return Optional.of(t.getMessage());
            }
            if (t instanceof XMLStreamException x && x.getNestedException() != null && x.getNestedException() != t) {
                Optional<String> nested = limitBroken(x.getNestedException());
                if (nested.isPresent()) {
                    return nested;
                }
            }
        }
        return Optional.empty();
    }

    /** True when the current start tag is {@code ns:local}. */
    boolean is(String ns, String local) {
        return local.equals(reader.getLocalName()) && ns.equals(reader.getNamespaceURI());
    }

    String localName() {
        return reader.getLocalName();
    }

    String namespace() {
        String ns = reader.getNamespaceURI();
        return ns == null ? "" : ns;
    }

    /** Skips the current element (positioned on its start tag) to its end tag. */
    void skip() throws XMLStreamException {
        int level = 1;
        while (level > 0) {
            int e = nextTag();
            if (e == XMLStreamConstants.START_ELEMENT) {
                level++;
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                level--;
            } else {
                throw new XMLStreamException(name + ": unexpected end of the part");
            }
        }
    }

    /** The current element (positioned on its start tag) and its subtree as DOM; ends on its end tag. */
    Element element() throws XMLStreamException {
        Element root = startElement();
        Node parent = root;
        while (parent != null) {
            int e = reader.next();
            switch (e) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (++depth > MAX_DEPTH) {
                        throw nestedTooDeep();
                    }
                    Element child = startElement();
                    parent.appendChild(child);
                    parent = child;
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    parent = parent == root ? null : parent.getParentNode();
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE, XMLStreamConstants.ENTITY_REFERENCE ->
                    parent.appendChild(owner.createTextNode(reader.getText()));
                case XMLStreamConstants.CDATA -> parent.appendChild(owner.createCDATASection(reader.getText()));
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException(name + ": unexpected end of the part");
                default -> {
                    // comments and processing instructions carry no text a reader sees
                }
            }
        }
        return root;
    }

    /** The whole part as one DOM element (for small parts: headers, settings, comments, properties). */
    Element root() throws XMLStreamException {
        if (nextTag() != XMLStreamConstants.START_ELEMENT) {
            throw new XMLStreamException(name + ": no root element");
        }
        return element();
    }

    private Element startElement() {
        String ns = reader.getNamespaceURI();
        String prefix = reader.getPrefix();
        String local = reader.getLocalName();
        Element e = owner.createElementNS(ns == null || ns.isEmpty() ? null : ns, qualified(prefix, local));
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String ans = reader.getAttributeNamespace(i);
            String ap = reader.getAttributePrefix(i);
            String al = reader.getAttributeLocalName(i);
            e.setAttributeNS(ans == null || ans.isEmpty() ? null : ans, qualified(ap, al), reader.getAttributeValue(i));
        }
        return e;
    }

    /** {@code prefix:local}, or {@code local} without a prefix. */
    private String qualified(String prefix, String local) {
        if (prefix == null || prefix.isEmpty()) {
            return local;
        }
        return names.computeIfAbsent(prefix, p -> new HashMap<>()).computeIfAbsent(local, l -> prefix + ":" + l);
    }

    @Override
    public void close() throws IOException {
        try {
            reader.close();
        } catch (XMLStreamException e) {
            // the part was read as far as it was needed; closing the stream below is what matters
        }
        in.close();
    }

    /** A part inflated past {@link #MAX_PART_BYTES}. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(String message) {
            super(message);
        }
    }

    /** Counts inflated bytes and stops at {@link #MAX_PART_BYTES}. */
    private static final class Bounded extends FilterInputStream {
        private final String name;
        private long count;

        Bounded(InputStream in, String name) {
            super(in);
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws IOException {
            if ((count >> 20) != ((count + n) >> 20) && Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException(name + ": stopped after " + String.format("%,d", count) + " bytes");
            }
            count += n;
            if (count > MAX_PART_BYTES) {
                throw new TooLarge(name + " inflates to more than " + String.format("%,d", MAX_PART_BYTES) + " bytes");
            }
        }
    }
}
