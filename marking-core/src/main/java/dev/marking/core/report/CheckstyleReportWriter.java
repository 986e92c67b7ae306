package dev.marking.core.report;

import dev.marking.core.model.Finding;
import dev.marking.core.model.Location;
import dev.marking.core.scan.FileResult;
import dev.marking.core.scan.ScanResult;
import dev.marking.core.text.Messages;
import java.io.IOException;
import java.io.Writer;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The {@code checkstyle-result.xml} format CI dashboards read: one {@code <file>} per checked file,
 * one {@code <error>} per finding. Documents have no lines, so {@code line} is the line, else the
 * paragraph, else the page (1 for the whole file), and the message names the real place.
 */
public final class CheckstyleReportWriter implements ReportWriter {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private final String version;
    private final Messages messages;

    /** Places named in English. */
    public CheckstyleReportWriter(String version) {
        this(version, Messages.forLang("en"));
    }

    /** Places named in the language of {@code messages}, as the findings' messages are. */
    public CheckstyleReportWriter(String version, Messages messages) {
        this.version = version;
        this.messages = messages;
    }

    @Override
    public String fileExtension() {
        return "xml";
    }

    @Override
    public String mediaType() {
        return "application/xml";
    }

    @Override
    public String id() {
        return "checkstyle";
    }

    @Override
    public void write(ScanResult result, Writer out) throws IOException {
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("checkstyle");
            xml.writeAttribute("version", clean(version));
            for (FileResult file : result.files()) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("file");
                xml.writeAttribute("name", clean(file.path()));
                for (Finding f : file.findings()) {
                    xml.writeCharacters("\n    ");
                    error(xml, f, messages);
                }
                xml.writeCharacters(file.findings().isEmpty() ? "" : "\n  ");
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the checkstyle report: " + e.getMessage(), e);
        }
        out.write('\n');
        out.flush();
    }

    private static void error(XMLStreamWriter xml, Finding f, Messages messages) throws XMLStreamException {
        Location l = f.location();
        xml.writeEmptyElement("error");
        xml.writeAttribute("line", String.valueOf(line(l)));
        if (l.column() > 0) {
            xml.writeAttribute("column", String.valueOf(l.column()));
        }
        xml.writeAttribute("severity", f.severity().id());
        String where = l.describe(messages);
        String message = l.line() > 0 || where.isEmpty() ? f.message() : f.message() + " [" + where + "]";
        xml.writeAttribute("message", clean(message));
        xml.writeAttribute("source", "marking." + f.rule());
    }

    /** The location's line, else paragraph, else page; 1 when it has none. */
    static int line(Location l) {
        for (int v : new int[] {l.line(), l.paragraph(), l.page()}) {
            if (v > 0) {
                return v;
            }
        }
        return 1;
    }

    /** Replaces what XML 1.0 cannot carry (control characters, lone surrogates) with U+FFFD. */
    static String clean(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else if (c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD) {
                sb.append(c);
            } else {
                sb.append('\uFFFD');
            }
        }
        return sb.toString();
    }
}
