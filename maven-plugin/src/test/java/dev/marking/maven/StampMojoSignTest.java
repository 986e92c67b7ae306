package dev.marking.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.engine.SignWith;
import java.io.File;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/** How {@code marking:stamp}'s sign, signAlias and signPasswordEnv become the engine's signing key (issue 19). */
class StampMojoSignTest {

    private static final Map<String, String> ENV = Map.of("OFFICE_KEY_PASSWORD", "s3cret");
    private static final File KEYSTORE = new File("keys/office.p12");

    @Test
    void theKeystoreAliasAndThePasswordFromTheNamedVariable() throws Exception {
        SignWith key = StampMojo.signWith(KEYSTORE, "office", "OFFICE_KEY_PASSWORD", ENV::get);
        assertEquals(KEYSTORE.toPath(), key.keystore());
        assertEquals("office", key.alias());
        assertArrayEquals("s3cret".toCharArray(), key.password());
        assertNull(StampMojo.signWith(KEYSTORE, null, "OFFICE_KEY_PASSWORD", ENV::get).alias(), "the only key");
    }

    @Test
    void withoutSignNothingIsSigned() throws Exception {
        assertNull(StampMojo.signWith(null, null, null, ENV::get));
    }

    @Test
    void aMissingVariableIsAFailureNamingIt() {
        MojoFailureException e = assertThrows(MojoFailureException.class,
                () -> StampMojo.signWith(KEYSTORE, null, "NO_SUCH_VARIABLE", ENV::get));
        assertTrue(e.getMessage().contains("signPasswordEnv NO_SUCH_VARIABLE: the environment variable is not set"),
                e.getMessage());
    }

    @Test
    void signNeedsTheVariableNameAndTheOthersNeedSign() {
        MojoFailureException noEnv = assertThrows(MojoFailureException.class,
                () -> StampMojo.signWith(KEYSTORE, null, null, ENV::get));
        assertTrue(noEnv.getMessage().contains("sign needs signPasswordEnv"), noEnv.getMessage());
        MojoFailureException noSign = assertThrows(MojoFailureException.class,
                () -> StampMojo.signWith(null, "office", "OFFICE_KEY_PASSWORD", ENV::get));
        assertTrue(noSign.getMessage().contains("need sign"), noSign.getMessage());
    }
}
