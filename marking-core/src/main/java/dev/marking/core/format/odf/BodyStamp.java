package dev.marking.core.format.odf;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLEventFactory;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLEventWriter;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.events.Attribute;
import javax.xml.stream.events.StartElement;
import javax.xml.stream.events.XMLEvent;

/**
 * Stamps {@code content.xml} as a stream: the GB/T 9704 block (a section named {@code marking-block}) goes
 * before the first paragraph of the body, replacing the one an earlier stamp put there. When the first
 * paragraph starts a master page of its own (a different first page), the block's first line takes that
 * master page over and the paragraph keeps its style without it, so no blank page appears.
 */
final class BodyStamp {

    /** Elements of {@code office:text} that come before its content. */
    private static final Set<String> DECLARATIONS = Set.of("forms", "tracked-changes", "variable-decls",
            "sequence-decls", "user-field-decls", "dde-connection-decls", "alphabetical-index-auto-mark-file",
            "calculation-settings", "content-validations", "label-ranges");
    private static final QName STYLE_NAME = new QName(OdfXml.STYLE, "name");
    private static final QName MASTER_PAGE = new QName(OdfXml.STYLE, "master-page-name");
    private static final QName TEXT_STYLE = new QName(OdfXml.TEXT, "style-name");
    private static final QName BREAK_BEFORE = new QName(OdfXml.FO, "break-before");
    private static final QName TABLE_STYLE = new QName(OdfXml.TABLE, "style-name");

    /**
     * What the first pass found.
     *
     * @param firstStyle  the style of the first paragraph or table that is not ours, or null
     * @param table       true when that first element is a table
     * @param master      the master page the first page starts with, or null for the default
     * @param cloneFirst  true when {@code firstStyle} is an automatic style that starts a page (a master page or a
     *                    page break before): it is copied without that and the element renamed to the copy
     * @param deriveFirst true when {@code firstStyle} is a common style that starts a page
     */
    record Plan(String firstStyle, boolean table, String master, boolean cloneFirst, boolean deriveFirst) {
    }

    /**
     * A style's page start: the master page it names, whether it breaks the page before.
     *
     * @param parent the parent style, or null
     * @param master the master page it starts, or null
     * @param breaks true when it has a page (or column) break before
     */
    record PageStart(String parent, String master, boolean breaks) {

        boolean starts() {
            return master != null || breaks;
        }
    }

    private BodyStamp() {
    }

    /**
     * Reads content.xml up to the first paragraph that is not ours.
     *
     * @param common the page starts of common styles (styles.xml), by style name
     */
    static Plan plan(InputStream content, Map<String, PageStart> common) throws XMLStreamException {
        XMLStreamReader r = OdfXml.input().createXMLStreamReader(content);
        Map<String, PageStart> autos = new HashMap<>();
        String ourMaster = null;
        try {
            boolean inText = false;
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (OdfStyles.isStyle(r) && !inText) {
                    autos.put(r.getAttributeValue(OdfXml.STYLE, "name"), pageStart(r));
                } else if (OdfText.is(r, OdfXml.OFFICE, "text")) {
                    inText = true;
                } else if (inText && (OdfText.isParagraph(r) || OdfText.is(r, OdfXml.TABLE, "table"))) {
                    boolean table = !OdfText.isParagraph(r);
                    String style = r.getAttributeValue(table ? OdfXml.TABLE : OdfXml.TEXT, "style-name");
                    PageStart auto = style == null ? null : autos.get(style);
                    if (ourBlock(style, auto)) {
                        if (ourMaster == null && auto != null && auto.master() != null) {
                            ourMaster = auto.master();
                        }
                        continue;
                    }
                    PageStart own = auto != null ? auto : style == null ? null : common.get(style);
                    boolean starts = own != null && own.starts();
                    String master = own != null && own.master() != null ? own.master() : ourMaster;
                    return new Plan(style, table, master, starts && auto != null, starts && auto == null);
                }
            }
            return new Plan(null, false, ourMaster, false, false);
        } finally {
            r.close();
        }
    }

    /** Reads a {@code style:style} element (the reader at its start) to its end: its page start. */
    static PageStart pageStart(XMLStreamReader r) throws XMLStreamException {
        String parent = r.getAttributeValue(OdfXml.STYLE, "parent-style-name");
        String master = r.getAttributeValue(OdfXml.STYLE, "master-page-name");
        boolean[] breaks = {false};
        OdfText.walk(r, e -> {
            breaks[0] |= breaks(e.getAttributeValue(OdfXml.FO, "break-before"));
            return false;
        });
        return new PageStart(parent, master == null || master.isEmpty() ? null : master, breaks[0]);
    }

    static boolean breaks(String breakBefore) {
        return breakBefore != null && !"auto".equals(breakBefore);
    }

    /** Our block lines: our styles, or automatic ones LibreOffice derived from them; not the kept copy. */
    private static boolean ourBlock(String style, PageStart auto) {
        if (style == null || style.startsWith(OdfFragments.KEEP)) {
            return false;
        }
        return MasterPageStamp.ours(style) || auto != null && auto.parent() != null
                && auto.parent().startsWith(OdfFragments.STYLE_PREFIX);
    }

    /** Copies content.xml from {@code in} to {@code out} with the block {@code lines} inserted per {@code plan}. */
    static void stamp(InputStream in, OutputStream out, Plan plan, List<String> lines, int markLine)
            throws XMLStreamException {
        XMLEventReader r = OdfXml.input().createXMLEventReader(in);
        XMLEventWriter w = OdfXml.output().createXMLEventWriter(out, "UTF-8");
        new Copy(r, w, plan, lines, markLine).run();
        w.flush();
        w.close();
        r.close();
    }

    /** The second pass. */
    private static final class Copy {

        private final XMLEventReader r;
        private final XMLEventWriter w;
        private final Plan plan;
        private final List<String> lines;
        private final int markLine;
        private final XMLEventFactory events = XMLEventFactory.newDefaultFactory();
        private final Map<String, String> autoParents = new HashMap<>();
        private final List<XMLEvent> firstStyleEvents = new ArrayList<>();
        private boolean autoStylesWritten;
        private boolean inAutoStyles;
        private boolean inText;
        private boolean inserted;
        private boolean renamed;
        private int textDepth;

        Copy(XMLEventReader r, XMLEventWriter w, Plan plan, List<String> lines, int markLine) {
            this.r = r;
            this.w = w;
            this.plan = plan;
            this.lines = lines;
            this.markLine = markLine;
        }

        void run() throws XMLStreamException {
            while (r.hasNext()) {
                XMLEvent e = r.nextEvent();
                if (e.isStartElement()) {
                    start(e.asStartElement());
                } else if (e.isEndElement()) {
                    end(e);
                } else {
                    w.add(e);
                }
            }
        }

        private void start(StartElement s) throws XMLStreamException {
            QName n = s.getName();
            if (inAutoStyles && is(n, OdfXml.STYLE, "style")) {
                String name = value(s, STYLE_NAME);
                String parent = value(s, new QName(OdfXml.STYLE, "parent-style-name"));
                autoParents.put(name, parent);
                if (name != null && (name.equals(OdfFragments.BLOCK_START) || !name.startsWith(OdfFragments.KEEP)
                        && parent != null && parent.startsWith(OdfFragments.STYLE_PREFIX))) {
                    skip(); // our block's automatic style: made anew below
                    return;
                }
                if (plan.cloneFirst() && name != null && name.equals(plan.firstStyle())) {
                    w.add(s);
                    copyRecording(s);
                    return;
                }
            }
            if (is(n, OdfXml.OFFICE, "automatic-styles")) {
                inAutoStyles = true;
            } else if (is(n, OdfXml.OFFICE, "body") && !autoStylesWritten) {
                writeFragment("<office:automatic-styles " + OdfFragments.NS + ">" + ourAutoStyles()
                        + "</office:automatic-styles>");
                autoStylesWritten = true;
            } else if (is(n, OdfXml.OFFICE, "text")) {
                inText = true;
                textDepth = 0;
                w.add(s);
                return;
            }
            if (inText) {
                textDepth++;
                if (textDepth == 1 && !inserted && !declaration(n)) {
                    insertBlock();
                }
                if (oursToDrop(s)) {
                    textDepth--;
                    skip();
                    return;
                }
                if (!renamed && (is(n, OdfXml.TEXT, "p") || is(n, OdfXml.TEXT, "h") || is(n, OdfXml.TABLE, "table"))) {
                    renamed = true;
                    if (plan.cloneFirst() || plan.deriveFirst()) {
                        w.add(rename(s, is(n, OdfXml.TABLE, "table") ? TABLE_STYLE : TEXT_STYLE));
                        return;
                    }
                }
            }
            w.add(s);
        }

        private void end(XMLEvent e) throws XMLStreamException {
            QName n = e.asEndElement().getName();
            if (is(n, OdfXml.OFFICE, "automatic-styles")) {
                inAutoStyles = false;
                writeFragmentChildren(ourAutoStyles());
                autoStylesWritten = true;
            } else if (is(n, OdfXml.OFFICE, "text")) {
                if (!inserted) {
                    insertBlock();
                }
                inText = false;
            } else if (inText) {
                textDepth--;
            }
            w.add(e);
        }

        /** Our block section, or a paragraph in our block styles left outside it. */
        private boolean oursToDrop(StartElement s) {
            QName n = s.getName();
            if (is(n, OdfXml.TEXT, "section")) {
                String name = value(s, new QName(OdfXml.TEXT, "name"));
                return name != null && name.startsWith("marking-");
            }
            if (is(n, OdfXml.TEXT, "p") || is(n, OdfXml.TEXT, "h")) {
                String style = value(s, TEXT_STYLE);
                if (style == null || style.startsWith(OdfFragments.KEEP)) {
                    return false;
                }
                String parent = autoParents.get(style);
                return MasterPageStamp.ours(style) || parent != null && parent.startsWith(OdfFragments.STYLE_PREFIX);
            }
            return false;
        }

        private String ourAutoStyles() {
            StringBuilder sb = new StringBuilder();
            if (plan.master() != null) {
                sb.append(OdfFragments.startStyle(OdfFragments.BLOCK, plan.master()));
            }
            if (plan.deriveFirst()) {
                String family = plan.table() ? "table" : "paragraph";
                sb.append("<style:style ").append(OdfFragments.NS).append(" style:name=\"").append(OdfFragments.KEEP)
                        .append("\" style:family=\"").append(family).append("\" style:parent-style-name=\"")
                        .append(OdfFragments.escape(plan.firstStyle())).append("\"><style:").append(family)
                        .append("-properties fo:break-before=\"auto\"/></style:style>");
            }
            return sb.toString();
        }

        private void insertBlock() throws XMLStreamException {
            inserted = true;
            writeFragment(OdfFragments.block(lines, markLine, plan.master() == null ? null : OdfFragments.BLOCK_START));
        }

        /** Copies the style element the reader is in to its end, then writes a copy named {@link OdfFragments#KEEP}. */
        private void copyRecording(StartElement first) throws XMLStreamException {
            firstStyleEvents.add(first);
            int depth = 1;
            while (depth > 0 && r.hasNext()) {
                XMLEvent e = r.nextEvent();
                depth += e.isStartElement() ? 1 : e.isEndElement() ? -1 : 0;
                w.add(e);
                firstStyleEvents.add(e);
            }
            for (XMLEvent e : firstStyleEvents) {
                w.add(e.isStartElement() ? withoutPageStart(e.asStartElement()) : e);
            }
        }

        /** The style's elements renamed to {@link OdfFragments#KEEP}, without master page or break before. */
        private StartElement withoutPageStart(StartElement s) {
            List<Attribute> attrs = new ArrayList<>();
            for (Iterator<Attribute> it = s.getAttributes(); it.hasNext();) {
                Attribute a = it.next();
                if (a.getName().equals(STYLE_NAME)) {
                    attrs.add(events.createAttribute(a.getName(), OdfFragments.KEEP));
                } else if (a.getName().equals(BREAK_BEFORE)) {
                    attrs.add(events.createAttribute(a.getName(), "auto"));
                } else if (!a.getName().equals(MASTER_PAGE)) {
                    attrs.add(a);
                }
            }
            return events.createStartElement(s.getName(), attrs.iterator(), s.getNamespaces());
        }

        private StartElement rename(StartElement s, QName attribute) {
            List<Attribute> attrs = new ArrayList<>();
            for (Iterator<Attribute> it = s.getAttributes(); it.hasNext();) {
                Attribute a = it.next();
                attrs.add(a.getName().equals(attribute) ? events.createAttribute(a.getName(), OdfFragments.KEEP) : a);
            }
            return events.createStartElement(s.getName(), attrs.iterator(), s.getNamespaces());
        }

        private void skip() throws XMLStreamException {
            int depth = 1;
            while (depth > 0 && r.hasNext()) {
                XMLEvent e = r.nextEvent();
                depth += e.isStartElement() ? 1 : e.isEndElement() ? -1 : 0;
            }
        }

        private void writeFragment(String xml) throws XMLStreamException {
            XMLEventReader f = OdfXml.input().createXMLEventReader(new StringReader(xml));
            while (f.hasNext()) {
                XMLEvent e = f.nextEvent();
                if (!e.isStartDocument() && !e.isEndDocument()) {
                    w.add(e);
                }
            }
        }

        /** The elements of {@code xml} (a sequence of elements) without a wrapper. */
        private void writeFragmentChildren(String xml) throws XMLStreamException {
            if (xml.isEmpty()) {
                return;
            }
            XMLEventReader f = OdfXml.input().createXMLEventReader(new StringReader("<w>" + xml + "</w>"));
            int depth = 0;
            while (f.hasNext()) {
                XMLEvent e = f.nextEvent();
                if (e.isStartElement()) {
                    depth++;
                } else if (e.isEndElement()) {
                    depth--;
                }
                boolean wrapper = e.isStartElement() && depth == 1 || e.isEndElement() && depth == 0;
                if (!wrapper && depth >= 1 && !e.isStartDocument() && !e.isEndDocument()) {
                    w.add(e);
                }
            }
        }

        private static boolean declaration(QName n) {
            String ns = n.getNamespaceURI();
            return (OdfXml.TEXT.equals(ns) || OdfXml.OFFICE.equals(ns) || OdfXml.TABLE.equals(ns))
                    && DECLARATIONS.contains(n.getLocalPart());
        }

        private static boolean is(QName n, String ns, String local) {
            return ns.equals(n.getNamespaceURI()) && local.equals(n.getLocalPart());
        }

        private static String value(StartElement s, QName name) {
            Attribute a = s.getAttributeByName(name);
            return a == null ? null : a.getValue();
        }
    }
}
