package dev.marking.core.format.pdf;

import java.util.Locale;
import java.util.Optional;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;

/**
 * What a piece of our stamp is. Every piece is drawn inside {@code /Artifact <<… /MarkingStamp /role>> BDC … EMC}
 * so that readers (ours, and assistive technology) can tell it apart from the document's own content.
 */
enum StampRole {
    HEADER("Header"), FOOTER("Footer"), WATERMARK("Watermark"), BLOCK(null);

    /** Key in marked-content properties, content stream dictionaries and resource names that marks our stamp. */
    static final String KEY = "MarkingStamp";
    static final COSName MARKER = COSName.getPDFName(KEY);

    private final String paginationSubtype;

    StampRole(String paginationSubtype) {
        this.paginationSubtype = paginationSubtype;
    }

    /** The role's name in the property list: {@code header}, {@code footer}, {@code watermark}, {@code block}. */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The inline property list of the {@code BDC} that wraps this piece. */
    COSDictionary properties() {
        COSDictionary d = new COSDictionary();
        if (paginationSubtype != null) {
            d.setItem(COSName.TYPE, COSName.getPDFName("Pagination"));
            d.setItem(COSName.SUBTYPE, COSName.getPDFName(paginationSubtype));
        }
        d.setItem(MARKER, COSName.getPDFName(id()));
        return d;
    }

    /** The role a marked-content property list names, if it is one of ours. */
    static Optional<StampRole> of(COSDictionary properties) {
        if (properties == null) {
            return Optional.empty();
        }
        COSBase value = properties.getDictionaryObject(MARKER);
        return value instanceof COSName n ? byId(n.getName()) : Optional.empty();
    }

    /**
     * The role of a Form XObject whose resource name starts with our key ({@code MarkingStampWatermark});
     * none for the per-copy forms ({@code MarkingStampCopy0}), whose pieces carry their own roles.
     */
    static Optional<StampRole> ofXObjectName(String name) {
        if (name == null || !name.startsWith(KEY) || name.startsWith(CopyTemplate.FORM)) {
            return Optional.empty();
        }
        return byId(name.substring(KEY.length())).or(() -> Optional.of(HEADER));
    }

    private static Optional<StampRole> byId(String id) {
        for (StampRole r : values()) {
            if (r.id().equalsIgnoreCase(id)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
