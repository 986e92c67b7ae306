package dev.marking.core.format.odf;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentException.Kind;
import dev.marking.core.format.StampOptions;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Document;

/**
 * Writes a stamped copy of an ODF text package: {@code mimetype} first and stored (as ODF requires), the
 * rewritten {@code styles.xml} ({@link MasterPageStamp}), {@code content.xml} ({@link BodyStamp}) and
 * {@code meta.xml} ({@link MetaStamp}), every other part copied as it was.
 */
final class OdtStamper {

    /** Name prefix of our watermark shape ({@code draw:name}), kept by LibreOffice on re-save. */
    static final String WATERMARK_NAME = "marking-watermark";
    private static final int BUFFER = 1 << 16;

    private OdtStamper() {
    }

    static void stamp(OdfPackage pkg, Path target, StampOptions options) throws DocumentException {
        if (pkg.signed()) {
            throw new DocumentException(pkg.file(), Kind.REFUSED, "the document is digitally signed and stamping"
                    + " would break the signature; remove the signature, stamp, then sign again");
        }
        try {
            Document styles = pkg.has("styles.xml") ? parse(pkg, "styles.xml") : null;
            BodyStamp.Plan plan;
            try (InputStream in = pkg.open("content.xml")) {
                plan = BodyStamp.plan(in, styles == null ? Map.of() : commonPageStarts(pkg));
            }
            if (styles != null) {
                MasterPageStamp.stamp(styles, options);
            }
            Document meta = pkg.has("meta.xml") ? parse(pkg, "meta.xml") : MetaStamp.empty();
            MetaStamp.stamp(meta, options.metadata());
            Document manifest = pkg.has("meta.xml") || !pkg.has("META-INF/manifest.xml") ? null
                    : MetaStamp.withMeta(parse(pkg, "META-INF/manifest.xml"));
            write(pkg, target, options, plan, styles, meta, manifest);
        } catch (IOException | XMLStreamException | RuntimeException e) {
            throw new DocumentException(pkg.file(), Kind.UNREADABLE, "cannot stamp the document: " + e.getMessage(), e);
        }
    }

    private static Document parse(OdfPackage pkg, String part) throws DocumentException, IOException {
        try (InputStream in = pkg.open(part)) {
            return OdfDom.parse(in);
        }
    }

    /** Page starts of the common styles of styles.xml (a "First Page" paragraph style), by style name. */
    private static Map<String, BodyStamp.PageStart> commonPageStarts(OdfPackage pkg)
            throws DocumentException, IOException, XMLStreamException {
        Map<String, BodyStamp.PageStart> out = new HashMap<>();
        try (InputStream in = pkg.open("styles.xml")) {
            XMLStreamReader r = OdfXml.input().createXMLStreamReader(in);
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT && OdfStyles.isStyle(r)) {
                        String name = r.getAttributeValue(OdfXml.STYLE, "name");
                        BodyStamp.PageStart start = BodyStamp.pageStart(r);
                        if (name != null && start.starts()) {
                            out.put(name, start);
                        }
                    }
                }
            } finally {
                r.close();
            }
        }
        return out;
    }

    private static void write(OdfPackage pkg, Path target, StampOptions options, BodyStamp.Plan plan, Document styles,
            Document meta, Document manifest) throws IOException, DocumentException, XMLStreamException {
        List<String> lines = options.firstPageBlock();
        int markLine = options.marking().copy().isPresent() ? 1 : 0;
        try (OutputStream file = Files.newOutputStream(target);
                ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(file), StandardCharsets.UTF_8)) {
            byte[] mimetype = pkg.mimetype().getBytes(StandardCharsets.US_ASCII);
            stored(zip, "mimetype", mimetype);
            boolean metaWritten = false;
            for (ZipEntry e : pkg.entries()) {
                String name = e.getName();
                switch (name) {
                    case "mimetype" -> {
                        // written first, above
                    }
                    case "styles.xml" -> deflated(zip, name, OdfDom.serialize(styles));
                    case "meta.xml" -> {
                        deflated(zip, name, OdfDom.serialize(meta));
                        metaWritten = true;
                    }
                    case "META-INF/manifest.xml" -> {
                        if (manifest != null) {
                            deflated(zip, name, OdfDom.serialize(manifest));
                        } else {
                            copy(pkg, zip, e);
                        }
                    }
                    case "content.xml" -> {
                        zip.putNextEntry(new ZipEntry(name));
                        // the XML writer writes byte by byte: deflating each byte alone would take seconds
                        OutputStream buffered = new BufferedOutputStream(new NonClosing(zip), BUFFER);
                        try (InputStream in = new BufferedInputStream(pkg.open(name), BUFFER)) {
                            BodyStamp.stamp(in, buffered, plan, lines, markLine);
                        }
                        buffered.flush();
                        zip.closeEntry();
                    }
                    default -> copy(pkg, zip, e);
                }
            }
            if (!metaWritten) {
                deflated(zip, "meta.xml", OdfDom.serialize(meta));
            }
        }
    }

    private static void copy(OdfPackage pkg, ZipOutputStream zip, ZipEntry e) throws IOException, DocumentException {
        if (e.isDirectory()) {
            zip.putNextEntry(new ZipEntry(e.getName()));
            zip.closeEntry();
            return;
        }
        ZipEntry out = new ZipEntry(e.getName());
        if (e.getMethod() == ZipEntry.STORED && e.getSize() >= 0 && e.getCrc() >= 0) {
            out.setMethod(ZipEntry.STORED);
            out.setSize(e.getSize());
            out.setCompressedSize(e.getSize());
            out.setCrc(e.getCrc());
        }
        zip.putNextEntry(out);
        try (InputStream in = pkg.open(e.getName())) {
            in.transferTo(zip);
        }
        zip.closeEntry();
    }

    private static void stored(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        e.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }

    private static void deflated(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }

    /** Lets the XML writer close its stream without closing the ZIP entry under it. */
    private static final class NonClosing extends FilterOutputStream {

        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
