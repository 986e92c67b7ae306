package dev.marking.core.format.odf;

import dev.marking.core.format.DocumentException;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams {@code content.xml}: its automatic styles go into an {@link OdfStyles} (backed by those of
 * {@code styles.xml}), then the reader hands the body ({@code office:text}, {@code office:spreadsheet},
 * {@code office:presentation}) to a {@link Body}, element by element, never holding the whole part.
 */
final class ContentPart {

    /** Reads the body; called at the start element of {@code office:text} (or spreadsheet, presentation). */
    @FunctionalInterface
    interface Body {
        void read(XMLStreamReader r, OdfStyles styles) throws XMLStreamException;
    }

    private ContentPart() {
    }

    /** Streams content.xml into {@code body}; returns its automatic styles (backed by styles.xml's). */
    static OdfStyles read(OdfPackage pkg, StylesPart stylesPart, Body body) throws DocumentException {
        OdfStyles styles = new OdfStyles(stylesPart.styles());
        try (InputStream in = pkg.open("content.xml")) {
            XMLStreamReader r = OdfXml.input().createXMLStreamReader(in);
            try {
                boolean inBody = false;
                while (r.hasNext()) {
                    if (r.next() != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    if (OdfStyles.isStyle(r)) {
                        styles.read(r);
                    } else if (OdfText.is(r, OdfXml.OFFICE, "body")) {
                        inBody = true;
                    } else if (inBody && OdfXml.OFFICE.equals(r.getNamespaceURI())) {
                        body.read(r, styles);
                    }
                }
            } finally {
                r.close();
            }
        } catch (IOException | XMLStreamException | RuntimeException e) {
            throw pkg.unreadable("content.xml is damaged: " + e.getMessage(), e);
        }
        return styles;
    }
}
