package dev.marking.core.format.pdf;

import dev.marking.core.format.HiddenItem;
import dev.marking.core.format.HiddenKind;
import dev.marking.core.model.Location;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;

/**
 * Metadata that names people, organisations or the tools a document went through: Info {@code Author},
 * {@code Creator}, {@code Producer} and XMP {@code dc:creator}, {@code xmp:CreatorTool},
 * {@code pdf:Producer}. Each distinct value is a hidden item of kind {@code property}, its location part
 * {@code metadata:KEY}.
 */
final class MetadataItems {

    static final HiddenKind KIND = HiddenKind.PROPERTY;
    private static final Pattern XMP = Pattern.compile(
            "<(dc:creator|xmp:CreatorTool|pdf:Producer)>(.*?)</\\1>|(xmp:CreatorTool|pdf:Producer)=\"([^\"]*)\"",
            Pattern.DOTALL);
    private static final Pattern TAGS = Pattern.compile("<[^>]+>");

    private MetadataItems() {
    }

    static List<HiddenItem> scan(PDDocument doc) {
        List<HiddenItem> out = new ArrayList<>();
        Set<String> values = new LinkedHashSet<>();
        try {
            PDDocumentInformation info = doc.getDocumentInformation();
            add("Author", info.getAuthor(), values, out);
            add("Creator", info.getCreator(), values, out);
            add("Producer", info.getProducer(), values, out);
            PDMetadata m = doc.getDocumentCatalog().getMetadata();
            if (m != null) {
                try (InputStream in = m.exportXMPMetadata()) {
                    Matcher x = XMP.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    while (x.find()) {
                        String key = x.group(1) != null ? x.group(1) : x.group(3);
                        String value = x.group(1) != null ? TAGS.matcher(x.group(2)).replaceAll(" ") : x.group(4);
                        add("xmp:" + key, value, values, out);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return out; // unreadable metadata: what was read stands
        }
        return out;
    }

    private static void add(String key, String value, Set<String> values, List<HiddenItem> out) {
        String v = value == null ? "" : value.replaceAll("\\s+", " ").strip();
        if (!v.isEmpty() && values.add(v)) {
            out.add(new HiddenItem(KIND, v, Location.part("metadata:" + key)));
        }
    }
}
