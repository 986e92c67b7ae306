package dev.marking.core.format.seal;

import dev.marking.core.format.SealKey;
import dev.marking.core.format.Seals;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.ess.ContentHints;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.Store;

/**
 * CMS signatures as seals use them: made with a {@link SealKey} (RSA or ECDSA over SHA-256, or SM2 over SM3), with
 * the ESS signing-certificate-v2 attribute that CAdES and PAdES baseline B ask for, and checked back. The
 * Bouncy Castle provider is used by instance, never installed into the JVM.
 */
final class CmsSignatures {

    /** Bouncy Castle, for SM2/SM3 and for certificates the JDK's provider does not parse. */
    static Provider bc() {
        return SealKey.bouncyCastle();
    }

    private CmsSignatures() {
    }

    /**
     * A detached CMS signature over {@code content}.
     *
     * @param pades    leave out the signing-time attribute (PAdES puts the time in the signature dictionary)
     * @param hint     the marking sealed, carried in the content-hints attribute (RFC 2634); null for none
     */
    static CMSSignedData sign(SealKey key, CMSTypedData content, boolean pades, String hint) throws IOException {
        try {
            String algorithm = key.sm2() ? "SM3withSM2"
                    : "EC".equals(key.key().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
            ContentSigner signer = new JcaContentSignerBuilder(algorithm).setProvider(bc()).build(key.key());
            ASN1EncodableVector extra = new ASN1EncodableVector();
            extra.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {certId(key.certificate())}))));
            if (hint != null) {
                extra.add(new Attribute(PKCSObjectIdentifiers.id_aa_contentHint, new DERSet(
                        new ContentHints(CMSObjectIdentifiers.data, new DERUTF8String(hint)))));
            }
            CMSAttributeTableGenerator signed = new Attributes(new AttributeTable(extra), pades);
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(bc()).build())
                    .setSignedAttributeGenerator(signed).build(signer, key.certificate()));
            gen.addCertificates(new JcaCertStore(key.chain()));
            return gen.generate(content, false);
        } catch (OperatorCreationException | CertificateEncodingException | CMSException
                | NoSuchAlgorithmException e) {
            throw new IOException("cannot sign: " + e.getMessage(), e);
        }
    }

    /**
     * The signed attributes: Bouncy Castle's defaults (content type, digest, algorithm protection) and ours, without
     * the time for PAdES.
     */
    private static final class Attributes extends DefaultSignedAttributeTableGenerator {
        private final boolean pades;

        Attributes(AttributeTable extra, boolean pades) {
            super(extra);
            this.pades = pades;
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        protected Hashtable createStandardAttributeTable(Map parameters) {
            Hashtable table = super.createStandardAttributeTable(parameters);
            if (pades) {
                table.remove(CMSAttributes.signingTime);
            }
            return table;
        }
    }

    private static ESSCertIDv2 certId(X509Certificate cert) throws CertificateEncodingException,
            NoSuchAlgorithmException {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
        X509CertificateHolder holder = new X509CertificateHolder(toStructure(cert));
        IssuerSerial issuer = new IssuerSerial(new GeneralNames(new GeneralName(holder.getIssuer())),
                holder.getSerialNumber());
        return new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), hash, issuer);
    }

    private static org.bouncycastle.asn1.x509.Certificate toStructure(X509Certificate cert)
            throws CertificateEncodingException {
        return org.bouncycastle.asn1.x509.Certificate.getInstance(cert.getEncoded());
    }

    /**
     * Checks the first signer of {@code cms} (whose detached content the caller attached): whether its signature
     * and message digest hold, who signed, and the marking its content hint names.
     */
    static Seals.Signature verify(String kind, CMSSignedData cms, boolean coversAll, String mark) {
        Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
        if (signers.isEmpty()) {
            return new Seals.Signature(kind, false, "no signer in the signature", coversAll, List.of(), mark);
        }
        SignerInformation si = signers.iterator().next();
        List<X509Certificate> chain = new ArrayList<>();
        String problem = "";
        boolean intact = false;
        String named = mark != null ? mark : hint(si);
        try {
            @SuppressWarnings("unchecked")
            Store<X509CertificateHolder> store = cms.getCertificates();
            Collection<X509CertificateHolder> own = store.getMatches(si.getSID());
            if (own.isEmpty()) {
                return new Seals.Signature(kind, false, "the signer's certificate is not in the signature", coversAll,
                        List.of(), named);
            }
            X509CertificateHolder signer = own.iterator().next();
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter().setProvider(bc());
            chain.add(converter.getCertificate(signer));
            for (X509CertificateHolder h : store.getMatches(null)) {
                if (!h.equals(signer)) {
                    chain.add(converter.getCertificate(h));
                }
            }
            intact = si.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(bc()).build(signer));
            if (!intact) {
                problem = "the signature value does not verify";
            }
        } catch (org.bouncycastle.cms.CMSSignerDigestMismatchException e) {
            problem = Seals.CONTENT_CHANGED;
        } catch (CMSException e) {
            problem = e.getMessage();
        } catch (CertificateException | OperatorCreationException | RuntimeException e) {
            problem = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return new Seals.Signature(kind, intact, problem, coversAll, chain, named);
    }

    /** The marking a content-hints attribute names, or empty. */
    private static String hint(SignerInformation si) {
        AttributeTable table = si.getSignedAttributes();
        Attribute a = table == null ? null : table.get(PKCSObjectIdentifiers.id_aa_contentHint);
        if (a == null || a.getAttrValues().size() == 0) {
            return "";
        }
        ASN1Encodable v = a.getAttrValues().getObjectAt(0);
        try {
            ASN1UTF8String d = ContentHints.getInstance(v).getContentDescription();
            return d == null ? "" : d.getString();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
