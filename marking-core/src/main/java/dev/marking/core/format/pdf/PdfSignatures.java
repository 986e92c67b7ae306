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

    private PdfSignatures() {
    }

    /** True when at least one signature field is signed (has a value). */
    static boolean signed(PDDocument doc) throws IOException {
        return !doc.getSignatureDictionaries().isEmpty();
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
