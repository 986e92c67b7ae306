package dev.marking.spark;

import dev.marking.core.engine.Engine;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The job's arguments: {@code --input PATH… --output DIR [--policy FILE] [--previous DIR] [--today YYYY-MM-DD]
 * [--lang zh|en]}. Paths are Hadoop paths ({@code file:}, {@code hdfs:}, {@code s3a:}…; plain paths are in the
 * default file system). Without {@code --policy}, {@code $MARKING_POLICY} names the policy file, as for
 * {@code marking verify}.
 *
 * @param inputs   files and folders to check (folders are walked)
 * @param output   where the tables and the summary go
 * @param policy   the policy file ({@code --policy}, else {@code $MARKING_POLICY}); null for the built-in policy
 * @param previous an earlier run's output, whose results are kept for unchanged files; null for none
 * @param today    the day terms are checked against; null for today
 * @param lang     message language; null for the default locale
 */
record JobOptions(List<String> inputs, String output, String policy, String previous, LocalDate today, String lang) {

    JobOptions {
        inputs = List.copyOf(inputs);
    }

    /**
     * Parses {@code args} in the driver's environment {@code env} ({@code System.getenv()}; read only for
     * {@code $MARKING_POLICY}, ignored when blank, as the CLI ignores it); a mistake is a {@link JobException} with
     * the message key saying which.
     */
    static JobOptions parse(String[] args, Map<String, String> env) throws JobException {
        List<String> inputs = new ArrayList<>();
        String output = null;
        String policy = null;
        String previous = null;
        LocalDate today = null;
        String lang = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--input" -> {
                    int before = inputs.size();
                    while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                        inputs.add(args[++i]);
                    }
                    if (inputs.size() == before) {
                        throw new JobException("usage.value", a);
                    }
                }
                case "--output" -> output = value(args, ++i, a);
                case "--policy" -> policy = value(args, ++i, a);
                case "--previous" -> previous = value(args, ++i, a);
                case "--today" -> today = date(value(args, ++i, a));
                case "--lang" -> lang = value(args, ++i, a);
                default -> throw new JobException("usage.unknown", a);
            }
        }
        if (inputs.isEmpty() || output == null) {
            throw new JobException("usage.required");
        }
        return new JobOptions(inputs, output, Engine.policyFile(policy, env), previous, today, lang);
    }

    private static String value(String[] args, int i, String option) throws JobException {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new JobException("usage.value", option);
        }
        return args[i];
    }

    private static LocalDate date(String text) throws JobException {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new JobException("usage.today", text);
        }
    }
}
