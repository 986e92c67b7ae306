package dev.marking.core.testing;

import java.io.OutputStream;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Test signing keys, made fresh in each test (never a checked-in private key): a key pair with a self-signed
 * certificate in a PKCS#12 keystore, and the certificate as PEM for a policy's {@code seal.trust}.
 */
public final class SealKeys {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    /** A made key: its keystore, the keystore password, the certificate and where its PEM is. */
    public record Made(Path keystore, char[] password, X509Certificate certificate, Path pem) {
    }

    private SealKeys() {
    }

    /** An RSA-2048 key for {@code cn}, in {@code dir/name.p12} (password {@code changeit}) and {@code dir/name.pem}. */
    public static Made rsa(Path dir, String name, String cn) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return store(dir, name, cn, g.generateKeyPair(), "SHA256withRSA");
    }

    /** An SM2 key (curve sm2p256v1) for {@code cn}, its certificate signed with SM3withSM2. */
    public static Made sm2(Path dir, String name, String cn) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BC);
        g.initialize(new ECGenParameterSpec("sm2p256v1"));
        return store(dir, name, cn, g.generateKeyPair(), "SM3withSM2");
    }

    private static Made store(Path dir, String name, String cn, KeyPair pair, String algorithm) throws Exception {
        Instant now = Instant.now();
        X500Name subject = new X500Name("CN=" + cn + ",O=marking tests");
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(365, ChronoUnit.DAYS)), subject,
                pair.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        X509Certificate cert = new JcaX509CertificateConverter().setProvider(BC).getCertificate(
                b.build(new JcaContentSignerBuilder(algorithm).setProvider(BC).build(pair.getPrivate())));
        char[] password = "changeit".toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(name, pair.getPrivate(), password, new Certificate[] {cert});
        Path p12 = dir.resolve(name + ".p12");
        try (OutputStream out = Files.newOutputStream(p12)) {
            ks.store(out, password);
        }
        Path pem = dir.resolve(name + ".pem");
        try (Writer w = Files.newBufferedWriter(pem, StandardCharsets.US_ASCII)) {
            w.write("-----BEGIN CERTIFICATE-----\n");
            w.write(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(cert.getEncoded()));
            w.write("\n-----END CERTIFICATE-----\n");
        }
        return new Made(p12, password, cert, pem);
    }
}
