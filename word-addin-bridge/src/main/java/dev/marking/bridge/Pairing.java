package dev.marking.bridge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How a browser or Word's task pane gets access without the token ever being in a URL or in the page's
 * storage: the bridge shows a one-time code, the user types it into the pane once, and the bridge answers
 * with a session cookie the page's scripts cannot read ({@code HttpOnly; SameSite=Strict}, {@code Secure}
 * over HTTPS). Sessions survive restarts as SHA-256 hashes in an owner-only file.
 */
final class Pairing {

    static final String COOKIE = "marking_session";
    static final String CODE_HEADER = "X-Marking-Pairing-Code";
    static final String SESSIONS_FILE = "bridge.sessions";
    static final String CODE_FILE = "bridge.pairing";
    static final Duration SESSION_LIFE = Duration.ofDays(90);
    /** Wrong codes a code survives; the next one replaces it. */
    static final int ATTEMPTS = 5;
    /** After a wrong code, the next try waits this long: guessing 8 digits stays hopeless. */
    static final Duration THROTTLE = Duration.ofSeconds(1);
    private static final int CODE_SPACE = 100_000_000;

    /** What a pairing attempt gave: a session secret for the cookie, or why not. */
    record Outcome(String secret, RequestGuard.Refusal refusal) {
    }

    private final Path folder;
    private final boolean secureCookie;
    private final Consumer<String> announce;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> sessions;
    private String code;
    private int failures;
    private long lastFailure;

    private Pairing(Path folder, boolean secureCookie, Consumer<String> announce, Map<String, Instant> sessions) {
        this.folder = folder;
        this.secureCookie = secureCookie;
        this.announce = announce;
        this.sessions = sessions;
    }

    /** Loads the paired sessions from {@code folder} and makes a first code (not announced: the banner shows it). */
    static Pairing load(Path folder, boolean secureCookie, Consumer<String> announce) throws IOException {
        Map<String, Instant> sessions = new LinkedHashMap<>();
        Path file = folder.resolve(SESSIONS_FILE);
        if (Files.isRegularFile(file)) {
            PrivateFiles.restrict(file);
            Instant oldest = Instant.now().minus(SESSION_LIFE);
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                String[] parts = line.strip().split(" ");
                if (parts.length == 2 && parts[0].matches("[0-9a-f]{64}") && parts[1].matches("[0-9]{1,12}")) {
                    Instant created = Instant.ofEpochSecond(Long.parseLong(parts[1]));
                    if (created.isAfter(oldest)) {
                        sessions.put(parts[0], created);
                    }
                }
            }
        }
        Pairing p = new Pairing(folder, secureCookie, announce, sessions);
        p.newCode();
        return p;
    }

    /** The code to type now, as shown: {@code 1234-5678}. */
    synchronized String code() {
        return code.substring(0, 4) + "-" + code.substring(4);
    }

    /** Exchanges a typed code (dashes and spaces ignored) for a new session; a used code is replaced at once. */
    synchronized Outcome pair(String typed) throws IOException {
        long now = System.nanoTime();
        if (failures > 0 && now - lastFailure < THROTTLE.toNanos()) {
            return refused(429, "pairing.throttled", "wait a second before trying another code");
        }
        String digits = typed == null ? "" : typed.replaceAll("[\\s-]", "");
        if (!MessageDigest.isEqual(code.getBytes(StandardCharsets.US_ASCII), digits.getBytes(StandardCharsets.US_ASCII))) {
            failures++;
            lastFailure = now;
            if (failures >= ATTEMPTS) {
                newCode();
                announce.accept("marking bridge: " + ATTEMPTS + " wrong pairing codes; the code is now " + code());
            }
            return refused(403, "pairing.refused", "wrong or used pairing code (the bridge shows the code at start "
                    + "and keeps it in " + folder.resolve(CODE_FILE) + ")");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(hash(secret), Instant.now());
        saveSessions();
        newCode();
        announce.accept("marking bridge: a task pane was paired; the code for the next one is " + code());
        return new Outcome(secret, null);
    }

    /** Whether {@code secret} (a cookie's value) is a live session. */
    synchronized boolean knows(String secret) {
        if (secret == null || secret.length() < 32) {
            return false;
        }
        Instant created = sessions.get(hash(secret));
        return created != null && created.isAfter(Instant.now().minus(SESSION_LIFE));
    }

    /** The {@code Set-Cookie} value for a new session; only API paths get it back. */
    String cookie(String secret) {
        return COOKIE + "=" + secret + "; Path=" + ApiHandler.PREFIX + "; Max-Age=" + SESSION_LIFE.toSeconds()
                + "; HttpOnly; SameSite=Strict" + (secureCookie ? "; Secure" : "");
    }

    private Outcome refused(int status, String code, String message) {
        return new Outcome(null, new RequestGuard.Refusal(status, code, message));
    }

    private void newCode() throws IOException {
        code = String.format("%08d", random.nextInt(CODE_SPACE));
        failures = 0;
        PrivateFiles.write(folder.resolve(CODE_FILE), (code() + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    private void saveSessions() throws IOException {
        StringBuilder sb = new StringBuilder();
        sessions.forEach((h, created) -> sb.append(h).append(' ').append(created.getEpochSecond()).append('\n'));
        PrivateFiles.write(folder.resolve(SESSIONS_FILE), sb.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }
}
