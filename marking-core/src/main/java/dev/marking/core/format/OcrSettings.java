package dev.marking.core.format;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Whether adapters run OCR on pages that carry no text of their own (scans, page images), and with
 * which program. The policy switches it off ({@code ocr: off}); the environment names the program
 * ({@value #PROGRAM_VARIABLE}) or switches it off for one run ({@value #SWITCH_VARIABLE}{@code =off}).
 *
 * @param enabled  false: such pages stay unread and are reported ({@code file.no-text})
 * @param program  the Tesseract executable: a path, or a name looked up on {@code PATH}
 * @param timeout  the longest OCR of one page image may take before the program is stopped
 */
public record OcrSettings(boolean enabled, String program, Duration timeout) {

    /** Names the Tesseract program ({@code /opt/tesseract/bin/tesseract}); default {@code tesseract} on PATH. */
    public static final String PROGRAM_VARIABLE = "MARKING_TESSERACT";
    /** {@code off} switches OCR off for a run, whatever the policy says; {@code auto} (the default) leaves it on. */
    public static final String SWITCH_VARIABLE = "MARKING_OCR";
    /** What a page image may take, past which the program is stopped (a busy machine is slow; a hung one never ends). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    private static final String DEFAULT_PROGRAM = "tesseract";

    public OcrSettings {
        if (program == null || program.isBlank()) {
            throw new IllegalArgumentException("no OCR program named");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("OCR timeout must be positive: " + timeout);
        }
    }

    /** OCR off: pages without text are left unread. What {@link DocumentFormat#read(java.nio.file.Path)} uses. */
    public static OcrSettings off() {
        return new OcrSettings(false, DEFAULT_PROGRAM, DEFAULT_TIMEOUT);
    }

    /** OCR on where the policy allows it ({@code wanted}), unless this process's environment switches it off. */
    public static OcrSettings fromEnvironment(boolean wanted) {
        return fromEnvironment(wanted, System.getenv());
    }

    /** {@link #fromEnvironment(boolean)} over the variables {@code env}. */
    public static OcrSettings fromEnvironment(boolean wanted, Map<String, String> env) {
        String switchValue = env.getOrDefault(SWITCH_VARIABLE, "auto").strip().toLowerCase(Locale.ROOT);
        if (!switchValue.equals("auto") && !switchValue.equals("off") && !switchValue.isEmpty()) {
            throw new IllegalArgumentException(SWITCH_VARIABLE + " must be auto or off, not '" + switchValue + "'");
        }
        String program = env.getOrDefault(PROGRAM_VARIABLE, "").strip();
        return new OcrSettings(wanted && !switchValue.equals("off"), program.isEmpty() ? DEFAULT_PROGRAM : program,
                DEFAULT_TIMEOUT);
    }

    /** The same settings with another program (tests, a tool that bundles its own). */
    public OcrSettings withProgram(String other) {
        return new OcrSettings(enabled, other, timeout);
    }

    /** The same settings with another time limit per page image. */
    public OcrSettings withTimeout(Duration other) {
        return new OcrSettings(enabled, program, other);
    }

    /** What results depend on, for caches: {@code off}, or the program. */
    public String fingerprint() {
        return enabled ? "tesseract:" + program : "off";
    }
}
