package dev.marking.core.engine;

import java.nio.file.Path;

/**
 * A copy coming back (清退) or being destroyed (销毁): which copy — a file, or a document id and copy number —
 * and who did it.
 *
 * @param file     the copy's file (found by its hash, else by its metadata); null when {@code document} and
 *                 {@code copy} say which
 * @param document the document id, or null with a file
 * @param copy     the copy number ({@code 7} or {@code 000007}), or null with a file
 * @param by       who returned or destroyed it (required)
 * @param witness  who witnessed a destruction; null for none
 * @param note     a remark kept with the line; null for none
 */
public record CopyAct(Path file, String document, String copy, String by, String witness, String note) {

    /** The copy in {@code file}, by {@code who}. */
    public static CopyAct ofFile(Path file, String who) {
        return new CopyAct(file, null, null, who, null, null);
    }

    /** Copy {@code number} of {@code document}, by {@code who}. */
    public static CopyAct of(String document, String number, String who) {
        return new CopyAct(null, document, number, who, null, null);
    }

    public CopyAct withWitness(String name) {
        return new CopyAct(file, document, copy, by, name, note);
    }

    public CopyAct withNote(String text) {
        return new CopyAct(file, document, copy, by, witness, text);
    }
}
