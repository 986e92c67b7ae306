package dev.marking.bridge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** This install's random token (32 bytes, base64url), kept in an owner-only file; every API call presents it. */
final class AccessToken {

    static final String FILE_NAME = "bridge.token";
    private static final int BYTES = 32;
    private static final int MIN_LENGTH = 32;

    private final byte[] value;
    private final Path file;

    private AccessToken(String value, Path file) {
        this.value = value.getBytes(StandardCharsets.US_ASCII);
        this.file = file;
    }

    /** Reads the token from {@code folder}, creating it on first start. */
    static AccessToken loadOrCreate(Path folder) throws IOException {
        Path file = folder.resolve(FILE_NAME);
        if (Files.isRegularFile(file)) {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (text.length() >= MIN_LENGTH && text.matches("[A-Za-z0-9_-]+")) {
                PrivateFiles.restrict(file);
                return new AccessToken(text, file);
            }
        }
        byte[] random = new byte[BYTES];
        new SecureRandom().nextBytes(random);
        String text = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        PrivateFiles.write(file, (text + "\n").getBytes(StandardCharsets.US_ASCII));
        return new AccessToken(text, file);
    }

    Path file() {
        return file;
    }

    /** Constant-time comparison, so timing does not leak how much of a guess was right. */
    boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(value, presented.strip().getBytes(StandardCharsets.US_ASCII));
    }
}
