package dev.marking.core.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A signing key for seals (DESIGN §1.10): the private key and its certificate chain out of a PKCS#12 keystore,
 * and the algorithm the policy asks for. The keystore password is used to open the store and then forgotten; it
 * is never part of {@link #toString()}.
 *
 * @param key       the private key
 * @param chain     the signer's certificate first, then its issuers as the keystore holds them
 * @param algorithm {@code default} (the key's own: RSA or ECDSA with SHA-256) or {@code sm2} (SM2 with SM3)
 */
public record SealKey(PrivateKey key, List<X509Certificate> chain, String algorithm) {

    /** The algorithms a policy's {@code seal.algorithm} may name. */
    public static final List<String> ALGORITHMS = List.of("default", "sm2");

    public SealKey {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a seal key needs its certificate");
        }
        if (!ALGORITHMS.contains(algorithm)) {
            throw new IllegalArgumentException("unknown seal algorithm " + algorithm);
        }
    }

    /** The signer's certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** True for Chinese commercial cryptography (SM2 signatures over SM3 digests). */
    public boolean sm2() {
        return "sm2".equals(algorithm);
    }

    /**
     * Bouncy Castle, for SM2/SM3 and for certificates and stores the JDK's provider does not read: one instance,
     * used by reference and never installed into the JVM, made on first use (building it registers hundreds of
     * algorithms, a tenth of a second that a check without seals or trusted certificates should not pay).
     */
    public static java.security.Provider bouncyCastle() {
        return Bouncy.PROVIDER;
    }

    /**
     * Opens {@code keystore} (PKCS#12) with {@code password} and takes the key {@code alias} (null: the only key
     * entry). {@code password} is cleared before this returns.
     *
     * @throws IOException when the store cannot be read, the password is wrong or the alias holds no key
     */
    public static SealKey load(Path keystore, String alias, char[] password, String algorithm) throws IOException {
        try {
            String alg = algorithm == null ? "default" : algorithm.toLowerCase(Locale.ROOT);
            // SM2 keys are on a curve the JDK does not know: Bouncy Castle reads those stores.
            KeyStore store = "sm2".equals(alg) ? KeyStore.getInstance("PKCS12", bouncyCastle()) : KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                store.load(in, password);
            }
            String name = alias != null ? alias : onlyKey(store, keystore);
            if (!store.isKeyEntry(name)) {
                throw new IOException(keystore + ": no private key under the alias '" + name + "'");
            }
            Key key = store.getKey(name, password);
            if (!(key instanceof PrivateKey pk)) {
                throw new IOException(keystore + ": the entry '" + name + "' is not a private key");
            }
            List<X509Certificate> chain = new ArrayList<>();
            Certificate[] certs = store.getCertificateChain(name);
            for (Certificate c : certs == null ? new Certificate[0] : certs) {
                chain.add((X509Certificate) c);
            }
            if (chain.isEmpty()) {
                throw new IOException(keystore + ": the key '" + name + "' has no certificate");
            }
            return new SealKey(pk, chain, alg);
        } catch (GeneralSecurityException e) {
            throw new IOException(keystore + ": cannot open the keystore: " + e.getMessage(), e);
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    private static String onlyKey(KeyStore store, Path keystore) throws GeneralSecurityException, IOException {
        List<String> keys = new ArrayList<>();
        for (String a : Collections.list(store.aliases())) {
            if (store.isKeyEntry(a)) {
                keys.add(a);
            }
        }
        if (keys.size() != 1) {
            throw new IOException(keystore + ": " + keys.size() + " keys in the keystore; name one with --sign-alias");
        }
        return keys.get(0);
    }

    @Override
    public String toString() {
        return "SealKey[" + certificate().getSubjectX500Principal().getName() + ", " + algorithm + "]";
    }

    /** Holds the provider: the JVM makes it when {@link #bouncyCastle()} first reads it. */
    private static final class Bouncy {
        static final java.security.Provider PROVIDER = new org.bouncycastle.jce.provider.BouncyCastleProvider();
    }
}
