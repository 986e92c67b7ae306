package dev.marking.bridge;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The bridge's self-signed certificate for {@code localhost}, 127.0.0.1 and ::1, generated on first start
 * into an owner-only PKCS12 key store, with a PEM copy of the certificate for the user to trust.
 */
final class LocalCertificate {

    static final String KEYSTORE = "bridge.p12";
    static final String PEM = "bridge-cert.pem";
    static final String ALIAS = "marking-bridge";
    /** The key store is protected by its file permissions; a password stored next to it would add nothing. */
    private static final char[] PASSWORD = "marking-bridge".toCharArray();
    private static final Duration VALIDITY = Duration.ofDays(397);
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private final KeyStore store;
    private final X509Certificate certificate;
    private final Path pem;

    private LocalCertificate(KeyStore store, X509Certificate certificate, Path pem) {
        this.store = store;
        this.certificate = certificate;
        this.pem = pem;
    }

    /** Loads the key store from {@code folder}, generating a new one when missing, unreadable or about to expire. */
    static LocalCertificate loadOrCreate(Path folder) throws IOException {
        Path file = folder.resolve(KEYSTORE);
        Path pem = folder.resolve(PEM);
        try {
            if (Files.isRegularFile(file)) {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(file)) {
                    ks.load(in, PASSWORD);
                }
                X509Certificate cert = (X509Certificate) ks.getCertificate(ALIAS);
                if (cert != null && cert.getNotAfter().toInstant().isAfter(Instant.now().plus(RENEW_BEFORE))) {
                    PrivateFiles.restrict(file);
                    if (!Files.isRegularFile(pem)) {
                        PrivateFiles.write(pem, pem(cert));
                    }
                    return new LocalCertificate(ks, cert, pem);
                }
            }
            return generate(file, pem);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot set up the bridge certificate in " + folder + ": " + e.getMessage(), e);
        }
    }

    private static LocalCertificate generate(Path file, Path pem)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048, new SecureRandom());
        KeyPair pair = gen.generateKeyPair();
        Instant now = Instant.now();
        X500Name subject = new X500Name("CN=localhost, O=marking bridge");
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "localhost"),
            new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
            new GeneralName(GeneralName.iPAddress, "::1")}));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(ALIAS, pair.getPrivate(), PASSWORD, new java.security.cert.Certificate[] {cert});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ks.store(out, PASSWORD);
        PrivateFiles.write(file, out.toByteArray());
        PrivateFiles.write(pem, pem(cert));
        return new LocalCertificate(ks, cert, pem);
    }

    private static byte[] pem(X509Certificate cert) throws GeneralSecurityException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded());
        return ("-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The key store holding the key and certificate, for the server's TLS factory. */
    KeyStore keyStore() {
        return store;
    }

    String keyStorePassword() {
        return new String(PASSWORD);
    }

    X509Certificate certificate() {
        return certificate;
    }

    /** The PEM file to import into the trust store. */
    Path pem() {
        return pem;
    }

    /** A key store holding only the certificate, for clients (tests) that trust it. */
    static KeyStore trustStore(Path pemFile) throws IOException {
        try (InputStream in = new ByteArrayInputStream(Files.readAllBytes(pemFile))) {
            var cert = java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry(ALIAS, cert);
            return ks;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read " + pemFile + ": " + e.getMessage(), e);
        }
    }
}
