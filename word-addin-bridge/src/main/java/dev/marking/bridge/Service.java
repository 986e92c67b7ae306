package dev.marking.bridge;

import dev.marking.core.engine.Engine;
import dev.marking.core.engine.EngineException;
import dev.marking.core.engine.MarkingInput;
import dev.marking.core.engine.PresendRequest;
import dev.marking.core.engine.ReportTarget;
import dev.marking.core.engine.SignWith;
import dev.marking.core.engine.StampRequest;
import dev.marking.core.engine.StampResult;
import dev.marking.core.engine.VerifyRequest;
import dev.marking.core.policy.Policy;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the API does with one uploaded document: query parameters → an engine request → the answer's body. */
final class Service {

    /** The engine could not process the document itself (encrypted, damaged, unsupported): HTTP 422. */
    static final class Unprocessable extends Exception {
        private static final long serialVersionUID = 1L;
        private final String code;

        Unprocessable(String code, String message) {
            super(message);
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    /**
     * A stamped copy.
     *
     * @param name     the copy's file name ({@code name.000003.docx} for a numbered copy)
     * @param bytes    the copy, read back before the request's folder is removed (null until {@link #read()})
     * @param file     the copy in the request's private folder
     * @param mark     the canonical mark stamped
     * @param metadata the §3.4 properties written into it (the add-in sets them on the open document too)
     * @param sealed   true when the bridge signed it (with the key its user configured)
     * @param detached the detached signature ({@code name.p7s}, DER) of a format with no signature of its own; read
     *                 with the bytes, empty for an unsigned copy and for PDF and OOXML (signed inside the file)
     */
    record Stamped(String name, byte[] bytes, Path file, String mark, Map<String, String> metadata, boolean sealed,
            Optional<byte[]> detached) {

        /** The same with the bytes (and a detached signature) read from the request's folder. */
        Stamped read() throws IOException {
            Path p7s = file.resolveSibling(file.getFileName() + ".p7s");
            Optional<byte[]> signature = sealed && Files.isRegularFile(p7s) ? Optional.of(Files.readAllBytes(p7s))
                    : Optional.empty();
            return new Stamped(name, Files.readAllBytes(file), file, mark, metadata, sealed, signature);
        }
    }

    private final Engine engine;
    private final Policy policy;
    private final Optional<SignWith> sign;

    /** {@code sign}: the key every stamped copy is sealed with (the bridge user's; empty: unsigned). */
    Service(Engine engine, Policy policy, Optional<SignWith> sign) {
        this.engine = engine;
        this.policy = policy;
        this.sign = sign;
    }

    /** True when every stamped copy is signed. */
    boolean sealed() {
        return sign.isPresent();
    }

    /** The signer the configured key names ({@code CN=…}), opened now so a wrong password stops the start. */
    Optional<String> signer() throws EngineException {
        return sign.isPresent() ? Optional.of(engine.signer(sign.get(), policy, null)) : Optional.empty();
    }

    String version() {
        return engine.version();
    }

    /** The ids of the formats in force. */
    List<String> formats() {
        return engine.formatIds();
    }

    /** The file name extensions documents may have (the task pane's picker takes these). */
    List<String> extensions() {
        return engine.extensions();
    }

    /** The media type of a document the bridge sends back. */
    String mediaType(String name) {
        String type = engine.mediaType(name);
        return type.startsWith("text/") ? type + "; charset=utf-8" : type;
    }

    /** The §3.3 report for one document, its path being the name the client sent. */
    String verify(UploadedDocument doc, String lang) throws IOException, EngineException {
        StringWriter out = new StringWriter();
        engine.verify(VerifyRequest.upload(doc.file(), doc.name()).withPolicy(policy).withLang(lang)
                .withReport(ReportTarget.console("json")), out);
        return out.toString();
    }

    /** The pre-send decision for one document, as {@code marking presend --format json} writes it. */
    String presend(UploadedDocument doc, String channel, String lang) throws IOException, EngineException {
        return engine.presend(PresendRequest.upload(doc.file(), doc.name(), channel, policy).withLang(lang)).json();
    }

    /** Stamps a copy into the request's output folder. */
    Stamped stamp(UploadedDocument doc, Map<String, String> query, String lang)
            throws IOException, EngineException, Unprocessable {
        MarkingInput marking = new MarkingInput(query.get("level"), query.get("term"), query.get("issued"),
                query.get("copy"), query.get("urgency"), null);
        StampRequest request = StampRequest.of(List.of(doc.file()), doc.outputFolder(), marking).withPolicy(policy)
                .withLang(lang).withParts(!"false".equals(query.get("header")), !"false".equals(query.get("footer")),
                        !"false".equals(query.get("watermark"))).withSign(sign.orElse(null));
        StampResult result = engine.stamp(request);
        StampResult.StampedFile f = result.files().get(0);
        if (f.failure().isPresent()) {
            throw new Unprocessable(f.failure().get().code(), f.failure().get().message());
        }
        Path file = f.written().get(0);
        return new Stamped(file.getFileName().toString(), null, file, result.mark(), f.metadata(), sign.isPresent(),
                Optional.empty());
    }

    /** What the task pane needs to know of the policy: schemes and levels, channels, marking mode, formats. */
    Map<String, Object> policyView() {
        return engine.describe(policy);
    }
}
