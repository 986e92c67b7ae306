package dev.marking.core.format.pdf;

import dev.marking.core.format.StampOptions;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.Level;
import dev.marking.core.model.Marking;
import dev.marking.core.model.MarkingParser;
import dev.marking.core.model.Term;
import dev.marking.core.model.Urgency;
import dev.marking.core.testing.ExternalTools;
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
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Markings and external tools (qpdf, poppler) for the PDF tests. */
final class PdfTestSupport {

    static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    private PdfTestSupport() {
    }

    static Level level(String name) {
        return MarkingParser.standard().level(name).orElseThrow();
    }

    /** 机密★5年, copy 000123, 特急. */
    static StampOptions options() {
        Marking m = new Marking(level("机密"), new Term.Years(5), Optional.of(new CopyNumber(123)), Optional.empty(),
                Optional.of(Urgency.URGENT), Optional.empty());
        return StampOptions.all(m, "doc-1", DAY);
    }

    /** 秘密★1年, copy 000007: a second stamp that must replace the first. */
    static StampOptions otherOptions() {
        Marking m = Marking.of(level("秘密"), new Term.Years(1)).withCopy(new CopyNumber(7));
        return StampOptions.all(m, "doc-2", DAY);
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
