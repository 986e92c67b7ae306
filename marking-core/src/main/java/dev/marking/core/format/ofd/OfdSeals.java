package dev.marking.core.format.ofd;

import dev.marking.core.format.DocumentException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What the package's electronic seals (GB/T 38540 signatures, {@code Signs/Signature.xml} with
 * {@code References/Reference@FileRef} digests) and its integrity list ({@code OFDEntries.xml} with
 * {@code signedvalue.dat}) protect. A stamp may change nothing they cover: {@link #broken} compares the
 * protected parts before and after, byte for byte.
 */
final class OfdSeals {

    static final String ENTRIES = "OFDEntries.xml";

    /** The parts one seal or integrity list protects (its own files included) and how to name it in a message. */
    record Cover(String what, Set<String> paths) {
    }

    final int signatures;
    final boolean integrity;
    final List<Cover> covers;

    private OfdSeals(int signatures, boolean integrity, List<Cover> covers) {
        this.signatures = signatures;
        this.integrity = integrity;
        this.covers = List.copyOf(covers);
    }

    static OfdSeals of(OfdDocument doc) throws DocumentException {
        List<Cover> covers = new ArrayList<>();
        int count = 0;
        Optional<String> loc = OfdXml.childText(doc.docBody, "Signatures");
        if (loc.isPresent()) {
            String listPath = doc.pkg.resolve(doc.rootPath(), loc.get());
            Optional<Document> list = doc.part(listPath);
            for (Element s : list.map(l -> OfdXml.children(l.getDocumentElement(), "Signature")).orElse(List.of())) {
                count++;
                Optional<String> base = OfdXml.attr(s, "BaseLoc");
                if (base.isPresent()) {
                    covers.add(signature(doc, listPath, doc.pkg.resolve(listPath, base.get())));
                }
            }
        }
        String entries = doc.pkg.entries().stream().map(OfdPackage.Entry::name).filter(n -> n.equalsIgnoreCase(ENTRIES))
                .findFirst().orElse(null);
        if (entries != null) {
            covers.add(integrity(doc, entries));
        }
        return new OfdSeals(count, entries != null, covers);
    }

    private static Cover signature(OfdDocument doc, String listPath, String path) throws DocumentException {
        Set<String> paths = new LinkedHashSet<>(List.of(path));
        Optional<Document> sig = doc.part(path);
        if (sig.isPresent()) {
            Element root = sig.get().getDocumentElement();
            Optional<String> value = OfdXml.childText(root, "SignedValue");
            if (value.isPresent()) {
                paths.add(doc.pkg.resolve(path, value.get()));
            }
            Optional<Element> info = OfdXml.child(root, "SignedInfo");
            Optional<String> seal = info.flatMap(i -> OfdXml.child(i, "Seal")).flatMap(s -> OfdXml.childText(s, "BaseLoc"));
            if (seal.isPresent()) {
                paths.add(doc.pkg.resolve(path, seal.get()));
            }
            for (Element r : info.flatMap(i -> OfdXml.child(i, "References")).map(rs -> OfdXml.children(rs, "Reference"))
                    .orElse(List.of())) {
                Optional<String> ref = OfdXml.attr(r, "FileRef");
                if (ref.isPresent()) {
                    paths.add(doc.pkg.resolve(path, ref.get()));
                }
            }
        }
        return new Cover("the electronic seal " + path, paths);
    }

    private static Cover integrity(OfdDocument doc, String path) throws DocumentException {
        Set<String> paths = new LinkedHashSet<>(List.of(path));
        Optional<Document> entries = doc.part(path);
        if (entries.isPresent()) {
            Element root = entries.get().getDocumentElement();
            Optional<String> value = OfdXml.childText(root, "SignedValueLoc");
            if (value.isPresent()) {
                paths.add(doc.pkg.resolve(path, value.get()));
            }
            for (Element f : OfdXml.child(root, "FileList").map(l -> OfdXml.children(l, "File")).orElse(List.of())) {
                Optional<String> loc = OfdXml.attr(f, "FileLoc");
                if (loc.isPresent()) {
                    paths.add(doc.pkg.resolve(path, loc.get()));
                }
            }
        }
        return new Cover("the integrity protection " + path, paths);
    }

    /**
     * The first protected part a stamp would change, as a one-line reason to refuse, or empty when every
     * protected part keeps its exact bytes (and so its digest).
     */
    Optional<String> broken(Map<String, byte[]> before, Map<String, byte[]> after) {
        for (Cover c : covers) {
            for (String p : c.paths()) {
                byte[] a = before.get(p);
                byte[] b = after.get(p);
                if (a == null && b == null || a != null && b != null && Arrays.equals(a, b)) {
                    continue;
                }
                return Optional.of(refusal(c, p));
            }
        }
        return Optional.empty();
    }

    /** The reason to refuse when a seal or integrity list covers one of {@code paths} (parts a stamp always changes). */
    Optional<String> covering(List<String> paths) {
        for (Cover c : covers) {
            for (String p : paths) {
                if (c.paths().contains(p)) {
                    return Optional.of(refusal(c, p));
                }
            }
        }
        return Optional.empty();
    }

    private static String refusal(Cover c, String part) {
        return "the OFD is protected by " + c.what() + ", which covers " + part
                + "; stamping would break it — stamp before sealing, or remove the seal, stamp, then seal again";
    }
}
