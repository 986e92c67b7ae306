package dev.marking.core.engine;

import dev.marking.core.text.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Every file a run will write, claimed before anything is written, so a run never overwrites what it
 * did not create: an input (a document, a ledger, a recipients list, a font) is never an output; two
 * outputs of one run never share a path; an existing file is replaced only when the caller allows it.
 * Paths are compared after resolving links, so {@code out/a.docx} linked to an input is that input.
 */
final class OutputPlan {

    private final Set<Path> inputs = new HashSet<>();
    private final Map<Path, Path> claimed = new HashMap<>();
    private final boolean replaceExisting;
    private final Messages messages;

    /** A plan that refuses existing files unless {@code replaceExisting}. */
    OutputPlan(boolean replaceExisting, Messages messages) {
        this.replaceExisting = replaceExisting;
        this.messages = messages;
    }

    /** {@code file} is read by this run, so nothing may write it; null is ignored. */
    void input(Path file) {
        if (file != null) {
            inputs.add(key(file));
        }
    }

    /**
     * Claims {@code target} for the output made from {@code source} (null when it is a report or a
     * baseline); refused when it is an input, already claimed, or exists and may not be replaced.
     */
    void claim(Path target, Path source) throws EngineException {
        check(target, source);
        reserve(target, source);
    }

    /**
     * Claims {@code target} like {@link #claim} but leaves whether it exists to a later {@link #check}: for
     * numbered copies, whose files another run may be writing until this run holds the ledger's lock.
     */
    void reserve(Path target, Path source) throws EngineException {
        checkInputsAndClaims(target, source);
        claimed.put(key(target), source == null ? target : source);
    }

    /**
     * Throws the refusal {@link #claim} would, without claiming: a path this plan claimed for {@code source}
     * passes unless it exists (and existing files may not be replaced).
     */
    void check(Path target, Path source) throws EngineException {
        checkInputsAndClaims(target, source);
        if (!replaceExisting && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw Engine.refused(messages, "output.exists", "output.exists", target);
        }
    }

    private void checkInputsAndClaims(Path target, Path source) throws EngineException {
        Path k = key(target);
        if (inputs.contains(k)) {
            throw Engine.refused(messages, "output.input", "output.input", target);
        }
        Path other = claimed.get(k);
        if (other != null && (source == null || !other.equals(source))) {
            throw Engine.refused(messages, "output.clash", "output.clash", target, other, source == null ? target : source);
        }
    }

    /** The path a file is known by: absolute, normalised, links resolved as far as they exist. */
    static Path key(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (IOException e) {
            Path parent = abs.getParent();
            if (parent == null || abs.getFileName() == null) {
                return abs;
            }
            return key(parent).resolve(abs.getFileName());
        }
    }
}
