package dev.marking.core.format.docx;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.w3c.dom.Element;

/**
 * Streams the main document part ({@code w:document}) into a body {@link PartReader}: the block structure
 * (bodies, tables, rows, cells, content controls, alternate content) is walked as events, and each paragraph
 * becomes a small DOM element that the reader handles exactly as it handles a whole-part DOM. Memory follows
 * one paragraph, not the part. Section breaks are collected on the way, as {@link Sections#of(Element)}
 * would find them in the whole tree.
 */
final class BodyStream {

    private final XmlStream xml;
    private final PartReader reader;
    private final List<Element> breaks = new ArrayList<>();
    private boolean lastHasOwn;

    private BodyStream(XmlStream xml, PartReader reader) {
        this.xml = xml;
        this.reader = reader;
    }

    /**
     * Reads the part {@code xml} (positioned before its root) into {@code reader}; returns the sections.
     *
     * @throws XMLStreamException when the part is not WordprocessingML or not well-formed, or breaks a limit
     */
    static List<Sections.Section> read(XmlStream xml, PartReader reader) throws XMLStreamException {
        BodyStream s = new BodyStream(xml, reader);
        if (xml.nextTag() != XMLStreamConstants.START_ELEMENT || !xml.is(Wml.W, "document")) {
            throw new XMLStreamException("the main part is not a WordprocessingML document (its root element is "
                    + xml.localName() + "@" + xml.namespace() + ")");
        }
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (xml.is(Wml.W, "body")) {
                s.lastHasOwn = false;
                s.blocks(true);
            } else {
                xml.skip();
            }
        }
        return Sections.of(s.breaks, s.lastHasOwn);
    }

    /** The children of the current container, up to its end tag; {@code body}: the container is {@code w:body}. */
    private void blocks(boolean body) throws XMLStreamException {
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (xml.is(Wml.W, "p")) {
                Element p = xml.element();
                reader.block(p);
                for (Element sectPr : Wml.descendants(p, Wml.W, "sectPr")) {
                    if (Sections.isBreak(sectPr, null)) {
                        breaks.add(sectPr);
                    }
                }
            } else if (xml.is(Wml.W, "sectPr")) {
                Element sectPr = xml.element();
                reader.block(sectPr);
                if (body) {
                    breaks.add(sectPr);
                    lastHasOwn = true;
                }
            } else if (xml.is(Wml.MC, "AlternateContent")) {
                alternatives();
            } else if (Wml.W.equals(xml.namespace()) && PartReader.SKIPPED.contains(xml.localName())) {
                skipped();
            } else {
                blocks(false);
            }
        }
    }

    /** {@code mc:AlternateContent}: the first choice is read, the rest only searched for section breaks. */
    private void alternatives() throws XMLStreamException {
        boolean chosen = false;
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (!chosen && xml.is(Wml.MC, "Choice")) {
                chosen = true;
                blocks(false);
            } else {
                skipped();
            }
        }
    }

    /** Content the reader leaves out; section breaks in paragraph properties inside it still count. */
    private void skipped() throws XMLStreamException {
        Deque<Boolean> paragraphProperties = new ArrayDeque<>();
        paragraphProperties.push(xml.is(Wml.W, "pPr"));
        while (!paragraphProperties.isEmpty()) {
            int e = xml.nextTag();
            if (e == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("unexpected end of the main part");
            }
            if (e == XMLStreamConstants.END_ELEMENT) {
                paragraphProperties.pop();
            } else if (xml.is(Wml.W, "sectPr") && paragraphProperties.peek()) {
                breaks.add(xml.element());
            } else {
                paragraphProperties.push(xml.is(Wml.W, "pPr"));
            }
        }
    }
}
