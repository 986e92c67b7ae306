package dev.marking.core.format.pdf;

import java.io.IOException;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;

/** What the signatures of a PDF allow: an incremental update keeps them valid unless a certification forbids changes. */
final class PdfSignatures {

    private static final COSName UR3 = COSName.getPDFName("UR3");
    private static final COSName UR = COSName.getPDFName("UR");

    private PdfSignatures() {
    }

    /** True when at least one signature field is signed (has a value). */
    static boolean signed(PDDocument doc) throws IOException {
        return !doc.getSignatureDictionaries().isEmpty();
    }

    /** True when the file carries an Adobe usage-rights signature ({@code /Perms /UR3} or the older {@code /UR}). */
    static boolean usageRights(PDDocument doc) {
        COSDictionary perms = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PERMS);
        return perms != null && (perms.containsKey(UR3) || perms.containsKey(UR));
    }

    /** Takes the usage-rights signature out of {@code /Perms} (and drops an empty {@code /Perms}). */
    static void removeUsageRights(PDDocument doc) {
        COSDictionary catalog = doc.getDocumentCatalog().getCOSObject();
        COSDictionary perms = catalog.getCOSDictionary(COSName.PERMS);
        if (perms == null) {
            return;
        }
        perms.removeItem(UR3);
        perms.removeItem(UR);
        if (perms.size() == 0) {
            catalog.removeItem(COSName.PERMS);
        }
    }

    /** True when a certification signature (DocMDP) allows no changes at all ({@code /P 1}). */
    static boolean certifiedNoChanges(PDDocument doc) {
        COSDictionary perms = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PERMS);
        COSDictionary sig = perms == null ? null : perms.getCOSDictionary(COSName.DOCMDP);
        COSArray refs = sig == null ? null : sig.getCOSArray(COSName.REFERENCE);
        if (refs == null) {
            return false;
        }
        for (int i = 0; i < refs.size(); i++) {
            COSBase item = refs.get(i);
            COSBase ref = item instanceof COSObject o ? o.getObject() : item;
            if (ref instanceof COSDictionary d && COSName.DOCMDP.equals(d.getCOSName(COSName.TRANSFORM_METHOD))) {
                COSDictionary params = d.getCOSDictionary(COSName.TRANSFORM_PARAMS);
                if (params != null && params.getInt(COSName.P, 2) == 1) {
                    return true;
                }
            }
        }
        return false;
    }
}
