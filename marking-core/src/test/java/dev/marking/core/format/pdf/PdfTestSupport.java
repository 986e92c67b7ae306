package dev.marking.core.format.pdf;

import dev.marking.core.format.StampOptions;
import dev.marking.core.model.Level;
import dev.marking.core.model.MarkingParser;
import dev.marking.core.testing.ExternalTools;
import dev.marking.core.testing.StampCases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Markings and external tools (qpdf, poppler) for the PDF tests. */
final class PdfTestSupport {

    static final LocalDate DAY = StampCases.DAY;

    private PdfTestSupport() {
    }

    static Level level(String name) {
        return MarkingParser.standard().level(name).orElseThrow();
    }

    /** 机密★5年, copy 000123, 特急 ({@link StampCases#first()}). */
    static StampOptions options() {
        return StampCases.first();
    }

    /** 秘密★1年, copy 000007: a second stamp that must replace the first. */
    static StampOptions otherOptions() {
        return StampCases.second();
    }

    static String squash(String s) {
        return s.replaceAll("\\s+", "");
    }

    static String sha256(Path p) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when {@code tool} is on PATH; when it is not and {@code CI} is set, the test fails. */
    static boolean tool(String tool) {
        return ExternalTools.find(tool, "checks that drive " + tool).isPresent();
    }

    /** Runs a command; returns exit code and combined output. */
    static Result run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timeout");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    record Result(int code, String output) {
    }
}
