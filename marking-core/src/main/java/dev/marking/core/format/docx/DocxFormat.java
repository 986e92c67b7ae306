package dev.marking.core.format.docx;

import dev.marking.core.format.ContentProbe;
import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentException.Kind;
import dev.marking.core.format.DocumentFormat;
import dev.marking.core.format.PreparedSource;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.Recognition;
import dev.marking.core.format.StampOptions;
import dev.marking.core.format.ooxml.OoxmlPackages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Word documents (Office Open XML, {@code .docx}): read by streaming the package's XML, stamped through
 * Apache POI. Reads visible body text,
 * the headers, footers and watermarks Word shows per section, properties and hidden content;
 * stamps the GB/T 9704 block, running headers/footers, a diagonal watermark and metadata.
 *
 * <p>Digitally signed packages are refused: any change invalidates the XML signature, and a stamped
 * copy with a broken seal would be worse than none. Remove the signature, stamp, and sign again.
 */
public final class DocxFormat implements DocumentFormat {

    @Override
    public String id() {
        return "docx";
    }

    @Override
    public List<String> extensions() {
        return List.of("docx");
    }

    @Override
    public String mediaType() {
        return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    }

    /** A package with a WordprocessingML main part; a password-protected OOXML file (OLE2) may be one too. */
    @Override
    public Recognition recognise(ContentProbe content) {
        if (content.zipEntries().contains("word/document.xml")) {
            return Recognition.CERTAIN;
        }
        return content.oleStreams().contains("EncryptedPackage") ? Recognition.PLAUSIBLE : Recognition.NONE;
    }

    /** Streams the main part and reads the small parts it needs, without POI's object model (see {@link DocxStreamReader}). */
    @Override
    public ReadModel read(Path file) throws DocumentException {
        return DocxStreamReader.read(file);
    }

    /** The custom, core and extended properties; the body is not read. */
    @Override
    public Map<String, String> metadata(Path file) throws DocumentException {
        OPCPackage pkg = DocxOpener.openPackage(file);
        try {
            return PackageProperties.read(pkg).map();
        } catch (IOException | XMLStreamException | InvalidFormatException | RuntimeException e) {
            throw DocxOpener.unreadable(file, e);
        } finally {
            OoxmlPackages.discard(pkg);
        }
    }

    @Override
    public void stamp(Path source, Path target, StampOptions options) throws DocumentException {
        try (OutputStream out = Files.newOutputStream(target)) {
            stamp(source, out, options, CopyTexts.of(options), target);
        } catch (IOException e) {
            throw new DocumentException(target, Kind.UNREADABLE, "cannot write the stamped copy: " + e.getMessage(), e);
        }
    }

    /** Parses the source once and fills in only what differs per copy (see {@link DocxCopies}). */
    @Override
    public PreparedSource prepare(Path source) {
        return new DocxCopies(source, this);
    }

    /** Stamps {@code source} with {@code texts} where copies differ, writing the package to {@code out}. */
    void stamp(Path source, OutputStream out, StampOptions options, CopyTexts texts, Path target)
            throws DocumentException {
        XWPFDocument doc = DocxOpener.open(source, true);
        try {
            if (DocxOpener.signed(doc)) {
                throw OoxmlPackages.signedRefusal(source);
            }
            DocxStamper.stamp(doc, options, texts);
            if (texts.watermark().indexOf('\n') >= 0) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                doc.write(buffer);
                AttributeBreaks.restore(buffer.toByteArray(), out);
            } else {
                doc.write(out);
            }
        } catch (IOException e) {
            throw new DocumentException(target, Kind.UNREADABLE, "cannot write the stamped copy: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw DocxOpener.unreadable(source, e);
        } finally {
            DocxOpener.discard(doc);
        }
    }
}
