package dev.marking.core.engine;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The key {@code stamp --sign} seals with (DESIGN §1.10): a PKCS#12 keystore, the alias of the key in it (null: its
 * only key) and the keystore's password, which a shell reads from where its user keeps it (an environment
 * variable, a configuration file) — never from a command line. The password is never part of {@link #toString()}.
 *
 * @param keystore the PKCS#12 file
 * @param alias    the key's alias; null for the keystore's only key
 * @param password the keystore password (copied; the engine clears its copy after opening the store)
 */
public record SignWith(Path keystore, String alias, char[] password) {

    public SignWith {
        java.util.Objects.requireNonNull(keystore, "keystore");
        password = password == null ? new char[0] : password.clone();
    }

    /** A copy of the password, for one opening of the keystore. */
    @Override
    public char[] password() {
        return password.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignWith s && s.keystore.equals(keystore) && java.util.Objects.equals(s.alias, alias)
                && Arrays.equals(s.password, password);
    }

    @Override
    public int hashCode() {
        return keystore.hashCode();
    }

    @Override
    public String toString() {
        return "SignWith[" + keystore + (alias == null ? "" : ", " + alias) + "]";
    }
}
