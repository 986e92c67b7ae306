package dev.marking.core.format.docx;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.openxmlformats.schemas.officeDocument.x2006.customProperties.CTProperties;

/** Custom document properties (all, {@code marking.*} included) and the core properties that name people. */
final class DocxProperties {

    private static final String OURS = "marking.";

    private DocxProperties() {
    }

    /** Custom properties by name, plus {@code core.creator}, {@code core.lastModifiedBy}, {@code core.company}. */
    static Map<String, String> read(PackageProperties props) {
        Map<String, String> out = new LinkedHashMap<>(props.custom());
        putIfPresent(out, "core.creator", props.creator());
        putIfPresent(out, "core.lastModifiedBy", props.lastModifiedBy());
        putIfPresent(out, "core.company", props.company());
        return out;
    }

    /** Replaces every {@code marking.*} custom property with {@code metadata}. */
    static void write(XWPFDocument doc, Map<String, String> metadata) {
        POIXMLProperties.CustomProperties custom = doc.getProperties().getCustomProperties();
        CTProperties ct = custom.getUnderlyingProperties();
        for (int i = ct.sizeOfPropertyArray() - 1; i >= 0; i--) {
            String name = ct.getPropertyArray(i).getName();
            if (name != null && name.startsWith(OURS)) {
                ct.removeProperty(i);
            }
        }
        metadata.forEach(custom::addProperty);
    }

    private static void putIfPresent(Map<String, String> out, String key, String value) {
        if (value != null && !value.isBlank()) {
            out.put(key, value);
        }
    }
}
