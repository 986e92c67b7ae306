package dev.marking.core.engine;

import dev.marking.core.policy.Policy;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What to verify and how. Built with {@link #of} and the {@code with…} methods; absent values (null) take
 * the defaults named here.
 *
 * @param paths         files and folders (folders are walked)
 * @param names         how to show given files in reports (an upload kept under a private name); others as given
 * @param policy        the policy in force
 * @param today         the day terms and suppressions are checked against; null for today
 * @param lang          {@code zh} or {@code en}; null for the default locale
 * @param threads       files checked at once; 0 for one per core
 * @param base          the project folder policy globs are relative to (build tools); null for each folder
 * @param includes      the caller's globs of files to check under folders; empty for every supported file
 * @param excludes      the caller's globs of files to leave out under folders
 * @param baseline      only findings not in this baseline are reported; null for none
 * @param writeBaseline write every finding (before {@code baseline}) as a baseline here; null for none
 * @param reports       the reports to write
 * @param cache         a cache file for results of unchanged files; null for none
 * @param listSkipped   text reports list what was skipped and why, not just how many (JSON always lists it)
 */
public record VerifyRequest(List<Path> paths, Map<Path, String> names, Policy policy, LocalDate today, String lang,
        int threads, Path base, List<String> includes, List<String> excludes, Path baseline, Path writeBaseline,
        List<ReportTarget> reports, Path cache, boolean listSkipped) {

    public VerifyRequest {
        paths = List.copyOf(paths);
        names = Map.copyOf(names);
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        reports = List.copyOf(reports);
    }

    /** {@code paths} under the built-in policy, nothing else set. */
    public static VerifyRequest of(List<Path> paths) {
        return new VerifyRequest(paths, Map.of(), Policy.defaults(), null, null, 0, null, List.of(), List.of(), null,
                null, List.of(), null, false);
    }

    /** One file shown in reports as {@code name} (an uploaded document kept under a private temporary name). */
    public static VerifyRequest upload(Path file, String name) {
        return new VerifyRequest(List.of(file), Map.of(file, name), Policy.defaults(), null, null, 1, null, List.of(),
                List.of(), null, null, List.of(), null, false);
    }

    public VerifyRequest withPolicy(Policy p) {
        return new VerifyRequest(paths, names, p, today, lang, threads, base, includes, excludes, baseline,
                writeBaseline, reports, cache, listSkipped);
    }

    public VerifyRequest withToday(LocalDate d) {
        return new VerifyRequest(paths, names, policy, d, lang, threads, base, includes, excludes, baseline,
                writeBaseline, reports, cache, listSkipped);
    }

    public VerifyRequest withLang(String l) {
        return new VerifyRequest(paths, names, policy, today, l, threads, base, includes, excludes, baseline,
                writeBaseline, reports, cache, listSkipped);
    }

    public VerifyRequest withThreads(int n) {
        return new VerifyRequest(paths, names, policy, today, lang, n, base, includes, excludes, baseline,
                writeBaseline, reports, cache, listSkipped);
    }

    /** Policy globs relative to {@code projectFolder}; the caller's own globs narrow what folders give. */
    public VerifyRequest withSelection(Path projectFolder, List<String> include, List<String> exclude) {
        return new VerifyRequest(paths, names, policy, today, lang, threads, projectFolder, include, exclude, baseline,
                writeBaseline, reports, cache, listSkipped);
    }

    public VerifyRequest withBaseline(Path accepted) {
        return new VerifyRequest(paths, names, policy, today, lang, threads, base, includes, excludes, accepted,
                writeBaseline, reports, cache, listSkipped);
    }

    public VerifyRequest withWriteBaseline(Path file) {
        return new VerifyRequest(paths, names, policy, today, lang, threads, base, includes, excludes, baseline, file,
                reports, cache, listSkipped);
    }

    /** One more report to write. */
    public VerifyRequest withReport(ReportTarget target) {
        List<ReportTarget> all = new ArrayList<>(reports);
        all.add(target);
        return new VerifyRequest(paths, names, policy, today, lang, threads, base, includes, excludes, baseline,
                writeBaseline, all, cache, listSkipped);
    }

    public VerifyRequest withListSkipped(boolean list) {
        return new VerifyRequest(paths, names, policy, today, lang, threads, base, includes, excludes, baseline,
                writeBaseline, reports, cache, list);
    }

    public VerifyRequest withCache(Path file) {
        return new VerifyRequest(paths, names, policy, today, lang, threads, base, includes, excludes, baseline,
                writeBaseline, reports, file, listSkipped);
    }
}
