package dev.marking.cli;

import dev.marking.core.engine.SignWith;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --sign KEYSTORE.p12 [--sign-alias A] --sign-password-env VAR}: the key stamped files are sealed with (DESIGN
 * §1.10), for {@code stamp} and {@code bridge}. The keystore password is read from the environment, never from the
 * command line.
 */
final class SignOption {

    @Option(names = "--sign", paramLabel = "KEYSTORE.p12",
            description = "Seal every stamped file with the key in this PKCS#12 keystore: a PAdES signature in a PDF, "
                    + "the package signature of DOCX/XLSX/PPTX, a detached FILE.p7s beside other files.")
    private Path sign;

    @Option(names = "--sign-alias", paramLabel = "A", description = "The key's alias in the keystore (default: its only key).")
    private String signAlias;

    @Option(names = "--sign-password-env", paramLabel = "VAR",
            description = "The environment variable holding the keystore password (never give it on the command line).")
    private String signPasswordEnv;

    /** The signing key of {@code --sign}, its password read from the variable {@code --sign-password-env} names. */
    SignWith signWith() {
        if (sign == null) {
            if (signAlias != null || signPasswordEnv != null) {
                throw new UsageException("--sign-alias and --sign-password-env need --sign KEYSTORE.p12");
            }
            return null;
        }
        if (signPasswordEnv == null) {
            throw new UsageException("--sign needs --sign-password-env VAR: the keystore password is read from the "
                    + "environment, never from the command line");
        }
        String password = System.getenv(signPasswordEnv);
        if (password == null) {
            throw new UsageException("--sign-password-env " + signPasswordEnv + ": the variable is not set");
        }
        return new SignWith(sign, signAlias, password.toCharArray());
    }
}
