package dev.marking.core.format.seal;

import dev.marking.core.format.PoiLimits;
import dev.marking.core.format.SealKey;
import dev.marking.core.format.Seals;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.crypt.dsig.SignatureConfig;
import org.apache.poi.poifs.crypt.dsig.SignatureInfo;
import org.apache.poi.poifs.crypt.dsig.SignaturePart;

/**
 * OOXML seals: the package signature (XML-DSig with XAdES, as Office writes it) by POI's signature support, its
 * comment naming the marking, so Word, Excel and PowerPoint show the document as signed. Checking validates every
 * signature part with POI.
 */
final class OoxmlSeal {

    private static final Pattern COMMENTS = Pattern.compile("SignatureComments>([^<]*)</");

    private OoxmlSeal() {
    }

    /** Signs the package {@code file} in place. */
    static void sign(Path file, SealKey key, String reason) throws IOException {
        if (key.sm2()) {
            throw new IOException("Office does not check SM2 signatures; seal.algorithm sm2 applies to detached"
                    + " signatures only");
        }
        SignatureConfig config = new SignatureConfig();
        config.setKey(key.key());
        config.setSigningCertificateChain(key.chain());
        config.setSignatureDescription(reason);
        PoiLimits.set();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ_WRITE)) {
            SignatureInfo si = new SignatureInfo();
            si.setSignatureConfig(config);
            si.setOpcPackage(pkg);
            si.confirmSignature();
        } catch (InvalidFormatException | javax.xml.crypto.MarshalException
                | javax.xml.crypto.dsig.XMLSignatureException e) {
            throw new IOException("cannot sign the package: " + e.getMessage(), e);
        }
    }

    /** The package signatures of {@code file}, each validated. */
    static Seals inspect(Path file) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            if (zip.stream().noneMatch(e -> e.getName().startsWith("_xmlsignatures/"))) {
                return Seals.NONE;
            }
        }
        List<Seals.Signature> out = new ArrayList<>();
        PoiLimits.set();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            SignatureConfig config = new SignatureConfig();
            // Secure validation allows at most 30 references per manifest, and a presentation's package signature
            // references every slide, layout and master: Office's own signatures of a deck fail it. The number of
            // parts is bounded by the package, which the adapter has already read.
            config.setSecureValidation(false);
            SignatureInfo si = new SignatureInfo();
            si.setSignatureConfig(config);
            si.setOpcPackage(pkg);
            for (SignaturePart part : si.getSignatureParts()) {
                out.add(check(part));
            }
        } catch (InvalidFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
        return out.isEmpty() ? Seals.NONE : new Seals(out, Optional.empty());
    }

    private static Seals.Signature check(SignaturePart part) {
        String mark = "";
        try (InputStream in = part.getPackagePart().getInputStream()) {
            Matcher m = COMMENTS.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (m.find()) {
                mark = unescape(m.group(1));
            }
        } catch (IOException e) {
            mark = "";
        }
        boolean valid;
        String problem = "";
        try {
            valid = part.validate();
            if (!valid) {
                problem = Seals.CONTENT_CHANGED;
            }
        } catch (RuntimeException e) {
            valid = false;
            problem = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        List<X509Certificate> chain = new ArrayList<>();
        if (part.getSigner() != null) {
            chain.add(part.getSigner());
            part.getCertChain().stream().filter(c -> !c.equals(part.getSigner())).forEach(chain::add);
        }
        return new Seals.Signature("ooxml", valid, problem, valid, chain, mark);
    }

    private static String unescape(String xml) {
        return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }
}
