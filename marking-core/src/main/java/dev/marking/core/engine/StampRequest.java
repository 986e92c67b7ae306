package dev.marking.core.engine;

import dev.marking.core.policy.Policy;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * What to stamp and how. Built with {@link #of} and the {@code with…} methods; absent values (null) take
 * the defaults named here.
 *
 * @param paths      files (stamped into {@code outDir}) and folders (their documents keep their relative path)
 * @param outDir     where stamped copies go
 * @param marking    the marking as the user gave it, parsed with the policy's parser
 * @param policy     the policy in force (its schemes; which files a folder gives is the caller's choice)
 * @param lang       {@code zh} or {@code en}; null for the default locale
 * @param header     add the running header
 * @param footer     add the copy-number footer
 * @param watermark  add the diagonal watermark
 * @param font       a TrueType font for PDFs; null for the default
 * @param copies     numbered copies, a range {@code 1-50} or a count {@code 50}; null for one copy per file
 * @param recipients a CSV of recipients, one per numbered copy; null for none
 * @param ledger     the distribution ledger numbered copies are registered in
 * @param threads    copies stamped at once; 0 for one per core
 * @param includes   globs of files to stamp under folders; empty for every supported file
 * @param excludes   globs of files to leave out under folders
 * @param stampDate  the day written as {@code marking.stamped}; null for today
 * @param block      also write the GB/T 9704 block where a format makes it optional (XLSX: the first sheet's
 *                   first-page header)
 * @param layout     where the marks may go on a PDF page with its own ink: {@code keep}, {@code shrink} or
 *                   {@code overlay}; null for {@code keep} (never over the page's ink)
 * @param overwrite  replace existing files in {@code outDir} that have an output's name (never an input: a
 *                   run refuses to write any file it reads)
 * @param convert    stamp formats that are never written (DOC, XLS, PPT, RTF, …) by converting them with
 *                   LibreOffice first; off: they are refused with one line saying how
 * @param sign       seal every stamped file with this key (DESIGN §1.10); null: unsigned
 */
public record StampRequest(List<Path> paths, Path outDir, MarkingInput marking, Policy policy, String lang,
        boolean header, boolean footer, boolean watermark, Path font, String copies, Path recipients, Path ledger,
        int threads, List<String> includes, List<String> excludes, LocalDate stampDate, boolean block,
        String layout, boolean overwrite, boolean convert, SignWith sign) {

    public StampRequest {
        paths = List.copyOf(paths);
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
    }

    /** Stamps {@code paths} into {@code outDir} with header, footer and watermark, under the built-in policy. */
    public static StampRequest of(List<Path> paths, Path outDir, MarkingInput marking) {
        return new StampRequest(paths, outDir, marking, Policy.defaults(), null, true, true, true, null, null, null, null,
                0, List.of(), List.of(), null, false, null, false, false, null);
    }

    public StampRequest withPolicy(Policy p) {
        return new StampRequest(paths, outDir, marking, p, lang, header, footer, watermark, font, copies, recipients,
                ledger, threads, includes, excludes, stampDate, block, layout, overwrite, convert, sign);
    }

    public StampRequest withLang(String l) {
        return new StampRequest(paths, outDir, marking, policy, l, header, footer, watermark, font, copies, recipients,
                ledger, threads, includes, excludes, stampDate, block, layout, overwrite, convert, sign);
    }

    /** Which of our additions to write. */
    public StampRequest withParts(boolean h, boolean f, boolean w) {
        return new StampRequest(paths, outDir, marking, policy, lang, h, f, w, font, copies, recipients, ledger,
                threads, includes, excludes, stampDate, block, layout, overwrite, convert, sign);
    }

    public StampRequest withFont(Path file) {
        return new StampRequest(paths, outDir, marking, policy, lang, header, footer, watermark, file, copies,
                recipients, ledger, threads, includes, excludes, stampDate, block, layout, overwrite, convert, sign);
    }

    /** Numbered copies ({@code 1-50} or {@code 50}; null for none) for {@code people} (null for none), in {@code book}. */
    public StampRequest withCopies(String numbers, Path people, Path book) {
        return new StampRequest(paths, outDir, marking, policy, lang, header, footer, watermark, font, numbers, people,
                book, threads, includes, excludes, stampDate, block, layout, overwrite, convert, sign);
    }

    public StampRequest withThreads(int n) {
        return new StampRequest(paths, outDir, marking, policy, lang, header, footer, watermark, font, copies,
                recipients, ledger, n, includes, excludes, stampDate, block, layout, overwrite, convert, sign);
    }

    public StampRequest withSelection(List<String> include, List<String> exclude) {
        return new StampRequest(paths, outDir, marking, policy, lang, header, footer, watermark, font, copies,
                recipients, ledger, threads, include, exclude, stampDate, block, layout, overwrite, convert, sign);
    }

    public StampRequest withStampDate(LocalDate d) {
        return new StampRequest(paths, outDir, marking, policy, lang, header, footer, watermark, font, copies,
                recipients, ledger, threads, includes, excludes, d, block, layout, overwrite, convert, sign);
    }

    /** With the optional first-page block on or off (see {@link #block()}). */
    public StampRequest withBlock(boolean on) {
        return new StampRequest(paths, outDir, marking, policy, lang, header, footer, watermark, font, copies,
                recipients, ledger, threads, includes, excludes, stampDate, on, layout, overwrite, convert, sign);
    }

    /** With the layout named {@code id} ({@code keep}, {@code shrink}, {@code overlay}; null for the default). */
    public StampRequest withLayout(String id) {
        return new StampRequest(paths, outDir, marking, policy, lang, header, footer, watermark, font, copies,
                recipients, ledger, threads, includes, excludes, stampDate, block, id, overwrite, convert, sign);
    }

    /** With existing output files replaced or refused (see {@link #overwrite()}). */
    public StampRequest withOverwrite(boolean replace) {
        return new StampRequest(paths, outDir, marking, policy, lang, header, footer, watermark, font, copies,
                recipients, ledger, threads, includes, excludes, stampDate, block, layout, replace, convert, sign);
    }

    /** Converts formats that are never written before stamping them ({@code --convert}). */
    public StampRequest withConvert(boolean on) {
        return new StampRequest(paths, outDir, marking, policy, lang, header, footer, watermark, font, copies,
                recipients, ledger, threads, includes, excludes, stampDate, block, layout, overwrite, on, sign);
    }

    /** Seals every stamped file with {@code key} (null: unsigned). */
    public StampRequest withSign(SignWith key) {
        return new StampRequest(paths, outDir, marking, policy, lang, header, footer, watermark, font, copies,
                recipients, ledger, threads, includes, excludes, stampDate, block, layout, overwrite, convert, key);
    }

    /** True when numbered copies are asked for (a range, a count, or one per recipient). */
    public boolean numbered() {
        return copies != null || recipients != null;
    }
}
