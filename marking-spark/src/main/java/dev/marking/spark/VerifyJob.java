package dev.marking.spark;

import dev.marking.core.engine.Engine;
import dev.marking.core.engine.EngineException;
import java.io.IOException;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * {@code marking verify} on Apache Spark (DESIGN §3.5): {@code spark-submit --class dev.marking.spark.VerifyJob
 * marking-spark.jar --input PATH… --output DIR [--policy FILE] [--previous DIR]} checks every document under the
 * inputs with the same engine and policy as the CLI ({@code --policy}, else {@code $MARKING_POLICY} on the driver)
 * and writes {@code DIR/findings/}, {@code DIR/files/} (Parquet) and {@code DIR/summary.json}. Exit code 0 when
 * the run completed (findings are in the tables, not the exit code), 2 when it could not run as asked.
 */
public final class VerifyJob {

    /** Exit code of a completed run, whatever it found. */
    static final int OK = 0;
    /** Exit code when arguments, inputs, policy or output are wrong. */
    static final int USAGE = 2;

    private VerifyJob() {
    }

    public static void main(String[] args) {
        int code = run(args, System.getenv(), System.err);
        if (code != OK) {
            System.exit(code);
        }
    }

    /** Runs the job with {@code args} in the driver's environment {@code env} (for {@code $MARKING_POLICY}). */
    static int run(String[] args, Map<String, String> env, PrintStream err) {
        JobOptions options;
        try {
            options = JobOptions.parse(args, env);
            if (options.lang() != null && !options.lang().equals("zh") && !options.lang().equals("en")) {
                throw new JobException("usage.lang", options.lang());
            }
        } catch (JobException e) {
            JobMessages messages = new JobMessages(null);
            err.println(messages.format(e.key(), e.args()));
            err.println(messages.format("usage"));
            return USAGE;
        }
        JobMessages messages = new JobMessages(options.lang());
        SparkSession spark = SparkSession.builder().appName("marking verify").getOrCreate();
        try {
            Engine engine = Engine.standard(version());
            LocalDate today = options.today() == null ? LocalDate.now() : options.today();
            String code = CodeFingerprint.of(Engine.class);
            RunSummary summary = new VerifyRun(spark, engine, options, today, code).run();
            err.println(messages.format("done", summary.files(), summary.errors(), summary.warnings(),
                    summary.infos(), summary.read(), summary.reused(), options.output(), summary.skipped()));
            return OK;
        } catch (JobException e) {
            err.println(messages.format(e.key(), e.args()));
            return USAGE;
        } catch (EngineException e) {
            err.println(messages.format("policy.invalid", e.getMessage()));
            return USAGE;
        } catch (IOException e) {
            err.println(messages.format("io.failed", e.getMessage()));
            return USAGE;
        } finally {
            spark.stop();
        }
    }

    /** The version in the jar's manifest ({@code dev} when run from classes), as the CLI names it. */
    static String version() {
        String v = VerifyJob.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
