package dev.marking.core.engine;

import dev.marking.core.io.FileKind;
import dev.marking.core.model.Finding;
import dev.marking.core.model.Marking;
import dev.marking.core.policy.Policy;
import dev.marking.core.report.Fingerprints;
import dev.marking.core.report.JsonReportWriter;
import dev.marking.core.scan.FileResult;
import dev.marking.core.scan.Scanner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks documents one at a time from their content, for shells that hold bytes rather than local files
 * (the Spark job reads them from any Hadoop file system): the same scanner, rules and policy as
 * {@link Engine#verify}, one document in, its findings out. Get one from {@link Engine#documentCheck}; it
 * may be used for many documents, one at a time.
 */
public final class DocumentCheck {

    private final Scanner scanner;
    private final Policy policy;

    DocumentCheck(Scanner scanner, Policy policy) {
        this.scanner = scanner;
        this.policy = policy;
    }

    /**
     * Checks {@code content}, the file named on its own and shown in reports as {@code path}. Its format is
     * chosen by its content and the last segment of {@code path}, as for files; {@code relative} is its path under
     * the folder it was found in, which the policy's globs, suppressions and path rules match. Never throws for a
     * bad document: an unreadable, encrypted, unsupported or crashing one is a finding.
     */
    public CheckedDocument check(String path, String relative, byte[] content) {
        return checked(scanner.check(path, path, relative, content));
    }

    /**
     * Checks {@code content} as {@link #check(String, String, byte[])} does, classified by its content exactly as
     * {@link Engine#verify} classifies files; when {@code walked} (found in a folder rather than named), a file
     * that is not a document is skipped (empty), as the CLI's walk skips it.
     */
    public Optional<CheckedDocument> check(String path, String relative, byte[] content, boolean walked) {
        return scanner.check(path, path, relative, content, walked).map(this::checked);
    }

    /** The finding for a document whose content could not be fetched at all ({@code reason}: why not). */
    public CheckedDocument unreadable(String path, String relative, String reason) {
        return checked(scanner.unreadable(path, path, relative, reason));
    }

    /**
     * The finding for a folder that could not be listed, as a walk reports one (format {@code folder}, nothing in it
     * checked): {@code path} as reports show it, ending in '/'; {@code relative} its path under the folder given;
     * {@code error} why, as the local file system says it ({@code AccessDeniedException}, {@code NoSuchFileException}
     * name their reason in words, any other its message).
     */
    public CheckedDocument unopenedFolder(String path, String relative, IOException error) {
        return checked(scanner.unopenedFolder(path, relative, error));
    }

    /**
     * The finding for local {@code file}, found by a listing but not a regular file or folder (a named pipe, device,
     * socket or link to nothing: {@link Engine#opens} is false), which is never opened, as a walk reports one:
     * {@code path} as reports show it, {@code relative} its path under the folder given.
     */
    public CheckedDocument notRegular(String path, String relative, Path file) {
        FileKind kind;
        try {
            kind = FileKind.of(file);
        } catch (IOException | RuntimeException e) {
            kind = FileKind.OTHER;
        }
        return checked(scanner.notRegular(path, relative, file, kind));
    }

    private CheckedDocument checked(FileResult r) {
        List<CheckedFinding> findings = r.findings().stream().map(f -> stored(r.path(), f)).toList();
        Optional<DeclaredMarking> marking = r.marking().map(DocumentCheck::declared);
        boolean dated = r.marking().map(m -> m.level().classified()).orElse(false)
                || policy.suppressions().stream().anyMatch(s -> s.until().isPresent());
        return new CheckedDocument(r.path(), r.format(), marking, findings, dated);
    }

    private static CheckedFinding stored(String path, Finding f) {
        String evidence = f.evidence() == null ? null : Fingerprints.evidence(f.evidence());
        return new CheckedFinding(f.rule(), f.severity(), f.message(), f.location(), evidence,
                Fingerprints.of(f.rule(), path, f.evidence()));
    }

    private static DeclaredMarking declared(Marking mk) {
        Map<String, Object> m = JsonReportWriter.marking(mk);
        return new DeclaredMarking(text(m.get("level")), text(m.get("scheme")), text(m.get("term")),
                text(m.get("copy")), text(m.get("issued")));
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }
}
