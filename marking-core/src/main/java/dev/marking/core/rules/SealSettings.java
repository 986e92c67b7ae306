package dev.marking.core.rules;

import dev.marking.core.model.Level;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * What a policy says about seals (DESIGN §1.10, policy key {@code seal}).
 *
 * @param required  documents at this level or above must be signed ({@code seal.required: 秘密}); empty: none must
 * @param trust     the certificates whose keys (or whose issued keys) may sign ({@code seal.trust}); empty: every
 *                  signer is taken as it is, and only broken or missing seals are reported
 * @param algorithm what {@code stamp --sign} signs detached files with: {@code default} or {@code sm2}
 */
public record SealSettings(Optional<Level> required, List<X509Certificate> trust, String algorithm) {

    /** No seal required, no trust list, the key's own algorithm. */
    public static final SealSettings NONE = new SealSettings(Optional.empty(), List.of(), "default");

    public SealSettings {
        trust = List.copyOf(trust);
    }
}
