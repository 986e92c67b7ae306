package dev.marking.core.format.ooxml;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.officeDocument.x2006.customProperties.CTProperties;
import org.openxmlformats.schemas.officeDocument.x2006.customProperties.CTProperty;

/**
 * Custom document properties (all, {@code marking.*} included, DESIGN §3.4) and the core properties that
 * name people, the same in every Office Open XML package.
 */
public final class OoxmlProperties {

    private static final String OURS = "marking.";

    private OoxmlProperties() {
    }

    /** Custom properties by name, plus {@code core.creator}, {@code core.lastModifiedBy}, {@code core.company}. */
    public static Map<String, String> read(POIXMLProperties props) {
        Map<String, String> custom = new LinkedHashMap<>();
        for (CTProperty p : props.getCustomProperties().getUnderlyingProperties().getPropertyList()) {
            if (p.getName() != null) {
                custom.put(p.getName(), value(p));
            }
        }
        return read(custom, props.getCoreProperties().getCreator(), props.getCoreProperties().getLastModifiedByUser(),
                props.getExtendedProperties().getCompany());
    }

    /**
     * The same map from property values read some other way (a streamed read of the parts): {@code custom} in
     * document order, then the people and organisation named, each when present (null or blank: absent).
     */
    public static Map<String, String> read(Map<String, String> custom, String creator, String lastModifiedBy,
            String company) {
        Map<String, String> out = new LinkedHashMap<>(custom);
        putIfPresent(out, "core.creator", creator);
        putIfPresent(out, "core.lastModifiedBy", lastModifiedBy);
        putIfPresent(out, "core.company", company);
        return out;
    }

    /** Replaces every {@code marking.*} custom property with {@code metadata}. */
    public static void write(POIXMLProperties props, Map<String, String> metadata) {
        POIXMLProperties.CustomProperties custom = props.getCustomProperties();
        CTProperties ct = custom.getUnderlyingProperties();
        for (int i = ct.sizeOfPropertyArray() - 1; i >= 0; i--) {
            String name = ct.getPropertyArray(i).getName();
            if (name != null && name.startsWith(OURS)) {
                ct.removeProperty(i);
            }
        }
        metadata.forEach(custom::addProperty);
    }

    private static String value(CTProperty p) {
        try (XmlCursor c = p.newCursor()) {
            return c.getTextValue().strip();
        }
    }

    private static void putIfPresent(Map<String, String> out, String key, String value) {
        if (value != null && !value.isBlank()) {
            out.put(key, value);
        }
    }
}
