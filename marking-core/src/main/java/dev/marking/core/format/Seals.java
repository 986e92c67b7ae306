package dev.marking.core.format;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * The signatures a file carries (DESIGN §1.10), each checked against the bytes it covers; what they mean under a
 * policy (trusted, required, broken by a later change) is for the seal rule to say. Read beside the
 * {@link ReadModel}: rules never open files.
 *
 * @param signatures     every signature, oldest first; empty for an unsigned file
 * @param signedRevision for a PDF changed after its newest signature (an incremental update nobody signed): that
 *                       signed revision read as a model, to tell what changed; empty otherwise
 */
public record Seals(List<Signature> signatures, Optional<ReadModel> signedRevision) {

    /** {@link Signature#problem()} of a signature whose covered content changed after signing. */
    public static final String CONTENT_CHANGED = "content-changed";

    /** An unsigned file. */
    public static final Seals NONE = new Seals(List.of(), Optional.empty());

    public Seals {
        signatures = List.copyOf(signatures);
    }

    /** True when the file carries no signature. */
    public boolean unsigned() {
        return signatures.isEmpty();
    }

    /** The newest signature. */
    public Optional<Signature> newest() {
        return signatures.isEmpty() ? Optional.empty() : Optional.of(signatures.get(signatures.size() - 1));
    }

    /**
     * One signature.
     *
     * @param kind       {@code pdf} (PAdES), {@code ooxml} (package signature) or {@code cms} (detached {@code .p7s})
     * @param intact     true when the signature verifies over the bytes it covers
     * @param problem    why it does not verify (empty when intact)
     * @param coversAll  true when it covers the file as it is now (a PDF: nothing was appended after it)
     * @param chain      the signer's certificate first, then those the signature carries
     * @param signedMark the marking the signature names (the PDF reason, the OOXML comment, the CMS content hint);
     *                   empty when it names none
     */
    public record Signature(String kind, boolean intact, String problem, boolean coversAll, List<X509Certificate> chain,
            String signedMark) {

        public Signature {
            chain = List.copyOf(chain);
        }

        /** The signer's certificate, when the signature carries it. */
        public Optional<X509Certificate> signer() {
            return chain.isEmpty() ? Optional.empty() : Optional.of(chain.get(0));
        }

        /** The signer's name as its certificate gives it ({@code CN=…}), or {@code ?}. */
        public String signerName() {
            return signer().map(c -> c.getSubjectX500Principal().getName()).orElse("?");
        }
    }
}
