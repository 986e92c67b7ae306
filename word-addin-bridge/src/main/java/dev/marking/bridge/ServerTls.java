package dev.marking.bridge;

import java.util.List;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The bridge's own TLS settings, whatever the JVM would allow: TLS 1.3, and TLS 1.2 with ECDHE key exchange
 * and an AEAD cipher only (no static RSA key exchange, no CBC, no SHA-1 MACs), no renegotiation.
 */
final class ServerTls {

    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /** The certificate's key is RSA (see {@link LocalCertificate}), so TLS 1.2 suites are ECDHE_RSA ones. */
    static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private ServerTls() {
    }

    /** Jetty's server-side TLS factory over the bridge's key store. */
    static SslContextFactory.Server factory(LocalCertificate certificate) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStore(certificate.keyStore());
        tls.setKeyStorePassword(certificate.keyStorePassword());
        tls.setCertAlias(LocalCertificate.ALIAS);
        tls.setIncludeProtocols(PROTOCOLS.toArray(String[]::new));
        tls.setIncludeCipherSuites(CIPHER_SUITES.toArray(String[]::new));
        tls.setUseCipherSuitesOrder(true);
        tls.setRenegotiationAllowed(false);
        // Clients reach us as 127.0.0.1 or [::1] too, which send no server name.
        tls.setSniRequired(false);
        return tls;
    }
}
