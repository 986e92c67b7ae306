package dev.marking.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import dev.marking.core.engine.DocumentCheck;
import dev.marking.core.engine.Engine;
import dev.marking.core.engine.EngineException;
import dev.marking.core.policy.Policy;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.network.util.JavaUtils;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.SerializableConfiguration;
import scala.Tuple2;

/**
 * One run of the job on the driver: list, partition by bytes, keep what the earlier run may give, check the
 * rest on the executors, write the tables and the summary.
 */
final class VerifyRun {

    /** The local policy file looked for in the folder of the first input, as the CLI looks for it. */
    static final String LOCAL_POLICY = "marking.yml";

    private final SparkSession spark;
    private final Engine engine;
    private final JobOptions options;
    private final LocalDate today;
    private final String code;
    private final Configuration conf;

    /**
     * @param code the fingerprint of the code that checks (see {@link CodeFingerprint}): with the tool version,
     *             the policy and the language, what an earlier result must have been found under to be kept
     */
    VerifyRun(SparkSession spark, Engine engine, JobOptions options, LocalDate today, String code) {
        this.spark = spark;
        this.engine = engine;
        this.options = options;
        this.today = today;
        this.code = code;
        this.conf = spark.sparkContext().hadoopConfiguration();
    }

    RunSummary run() throws JobException, EngineException, IOException {
        Path output = new Path(options.output());
        if (options.previous() != null && qualified(new Path(options.previous())).equals(qualified(output))) {
            throw new JobException("output.previous", options.previous());
        }
        PolicyFiles policyFiles = policyFiles();
        Policy policy = policyFiles.resolve(engine);
        Listing.Listed listed = new Listing(conf, engine.walkFilter(policy), engine::walksInto, engine::opens)
                .list(options.inputs());
        List<InputFile> files = listed.files();

        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        DocumentTask task = new DocumentTask(engine.version(), policyFiles, today, options.lang(),
                jsc.broadcast(new SerializableConfiguration(conf)));
        BytePartitions parts = partitions(files);
        Dataset<Row> earlier = options.previous() == null ? null : earlierFiles(policy);
        JavaRDD<Row> work = inputs(files, parts, earlier, options.previous() == null ? null : earlierSkipped(policy))
                .javaRDD()
                .mapToPair(r -> new Tuple2<>(r.<Integer>getAs("part"), r))
                .partitionBy(new BytePartitions.ByNumber(parts.count()))
                .values();
        Dataset<Row> outcomes = spark.createDataFrame(work.mapPartitions(task), Tables.OUTCOME)
                .unionByName(unlisted(listed, policy)).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Dataset<Row> checked = outcomes.filter(col("kind").isin(Tables.READ, Tables.FAILED));
            Dataset<Row> kept = outcomes.filter(col("kind").equalTo(Tables.REUSED)).select("path", "sha256");
            Dataset<Row> fileTable = checked.select(fileColumns(policy));
            Dataset<Row> findingTable = checked.select(col("path"), col("sha256"), col("format"), col("marking"),
                    explode(col("found")).as("f")).select(findingColumns());
            if (earlier != null) {
                fileTable = fileTable.unionByName(earlier.join(kept, seq("path", "sha256"), "left_semi")
                        .select(names(Tables.FILE_COLUMNS)));
                findingTable = findingTable.unionByName(earlierFindings().join(kept, seq("path", "sha256"),
                        "left_semi").select(names(Tables.FINDING_COLUMNS)));
            }
            fileTable.orderBy("path").write().mode(SaveMode.Overwrite).parquet(child(output, "files"));
            findingTable.orderBy("path", "ordinal").write().mode(SaveMode.Overwrite).parquet(child(output, "findings"));
            skippedTable(outcomes, listed.skipped(), policy).orderBy("path").write().mode(SaveMode.Overwrite)
                    .parquet(child(output, "skipped"));
            // Counted from the outcomes, not with an accumulator: a task run again after a failure adds to an
            // accumulator twice, while its rows replace the lost ones.
            long read = outcomes.filter(col("kind").equalTo(Tables.READ)).count();
            long reused = kept.count();
            return new RunSummary(engine, spark, output, conf).write(read, reused, policy, today, code);
        } finally {
            outcomes.unpersist();
        }
    }

    /**
     * The organisation's policy ({@code --policy}, else {@code $MARKING_POLICY}, else the built-in one) and the
     * {@code marking.yml} in the folder of the first input (the input itself when it is a folder), unless that is the
     * organisation's file: as the CLI resolves the policy of a run ({@code Engine.policy(explicit, firstPath)}).
     */
    private PolicyFiles policyFiles() throws JobException, IOException {
        byte[] organisation = options.policy() == null ? null : read(new Path(options.policy()));
        Path first = new Path(options.inputs().get(0));
        FileSystem fs = first.getFileSystem(conf);
        Path folder = fs.exists(first) && fs.getFileStatus(first).isDirectory() ? first : first.getParent();
        if (folder == null) {
            return new PolicyFiles(options.policy(), organisation, null, null);
        }
        Path local = fs.makeQualified(new Path(folder, LOCAL_POLICY));
        if (!fs.exists(local) || !fs.getFileStatus(local).isFile()
                || options.policy() != null && qualified(new Path(options.policy())).equals(local.toString())) {
            return new PolicyFiles(options.policy(), organisation, null, null);
        }
        return new PolicyFiles(options.policy(), organisation, Listing.shown(local), read(local));
    }

    /**
     * The folders the listing could not list and the entries that are not regular files (pipes, devices, links to
     * nothing), as outcomes: each a finding made by the engine on the driver, as the CLI's walk makes it, with no
     * content hash, so it is never kept from an earlier run. Nothing of them is opened.
     */
    private Dataset<Row> unlisted(Listing.Listed listed, Policy policy) throws EngineException {
        List<Row> rows = new ArrayList<>(listed.unlisted().size() + listed.special().size());
        if (!listed.unlisted().isEmpty() || !listed.special().isEmpty()) {
            DocumentCheck check = engine.documentCheck(policy, today, options.lang());
            for (Listing.Unlisted u : listed.unlisted()) {
                rows.add(Tables.checked(check.unopenedFolder(u.path(), u.relative(), u.error()), null, null, null,
                        Tables.FAILED));
            }
            for (Listing.Special s : listed.special()) {
                rows.add(Tables.checked(check.notRegular(s.path(), s.relative(), s.file()), null, null, null,
                        Tables.FAILED));
            }
        }
        return spark.createDataFrame(rows, Tables.OUTCOME);
    }

    /**
     * {@code skipped/}: walked files that are not documents (from the outcomes) and what the listing left out,
     * with what they were found under, so the next run need not fetch an unchanged one again.
     */
    private Dataset<Row> skippedTable(Dataset<Row> outcomes, List<Listing.Skip> listed, Policy policy) {
        List<Row> rows = new ArrayList<>(listed.size());
        for (Listing.Skip s : listed) {
            rows.add(RowFactory.create(s.path(), s.reason(), null, null, engine.version(), code, policy.fingerprint()));
        }
        Dataset<Row> notDocuments = outcomes.filter(col("kind").equalTo(Tables.SKIPPED)).select(col("path"),
                lit("not-document").as("reason"), col("size"), col("modified"), lit(engine.version()).as("tool_version"),
                lit(code).as("code_fingerprint"), lit(policy.fingerprint()).as("policy_fingerprint"));
        return notDocuments.unionByName(spark.createDataFrame(rows, Tables.SKIPPED_TABLE));
    }

    private BytePartitions partitions(List<InputFile> files) {
        long maxBytes = bytes("spark.sql.files.maxPartitionBytes", "128m");
        long openCost = bytes("spark.sql.files.openCostInBytes", "4m");
        int minPartitions = spark.conf().contains("spark.sql.files.minPartitionNum")
                ? Integer.parseInt(spark.conf().get("spark.sql.files.minPartitionNum"))
                : spark.sparkContext().defaultParallelism();
        return BytePartitions.of(files, maxBytes, openCost, minPartitions);
    }

    private long bytes(String key, String fallback) {
        String v = spark.conf().get(key, fallback);
        return v.chars().allMatch(Character::isDigit) ? Long.parseLong(v) : JavaUtils.byteStringAsBytes(v);
    }

    /**
     * The documents with their partition numbers and, where an earlier result may stand, its content hash, or
     * whether the earlier run skipped the file, unchanged in size and time, as not a document.
     */
    private Dataset<Row> inputs(List<InputFile> files, BytePartitions parts, Dataset<Row> earlier,
            Dataset<Row> earlierSkipped) {
        List<Row> rows = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            InputFile f = files.get(i);
            rows.add(RowFactory.create(f.path(), f.source(), f.relative(), f.size(), f.modified(), parts.partOf(i),
                    f.walked()));
        }
        Dataset<Row> in = spark.createDataFrame(rows, Tables.INPUT);
        if (earlier == null) {
            return in.withColumn("prev_sha256", lit(null).cast(DataTypes.StringType))
                    .withColumn("prev_skipped", lit(false));
        }
        Dataset<Row> hashed = in.join(earlier.select(col("path"), col("sha256").as("prev_sha256")), seq("path"), "left");
        if (earlierSkipped == null) {
            return hashed.withColumn("prev_skipped", lit(false));
        }
        Dataset<Row> skipped = earlierSkipped.select(col("path"), col("size"), col("modified"),
                lit(true).as("prev_skipped"));
        return hashed.join(skipped, seq("path", "size", "modified"), "left")
                .withColumn("prev_skipped", coalesce(col("prev_skipped"), lit(false)));
    }

    /**
     * The earlier run's files whose results still stand for unchanged content: same tool version, code, policy and
     * language, and checked today when the result depends on the day. Tables written before the code fingerprint
     * existed give none.
     */
    private Dataset<Row> earlierFiles(Policy policy) throws JobException {
        Dataset<Row> files;
        try {
            files = spark.read().parquet(child(new Path(options.previous()), "files"));
        } catch (RuntimeException e) {
            throw new JobException("previous.invalid", options.previous());
        }
        if (!Arrays.asList(files.columns()).contains("code_fingerprint")) {
            return files.filter(lit(false));
        }
        Column sameLang = options.lang() == null ? col("lang").isNull() : col("lang").equalTo(options.lang());
        return files.filter(col("tool_version").equalTo(engine.version())
                .and(col("code_fingerprint").equalTo(code))
                .and(col("policy_fingerprint").equalTo(policy.fingerprint()))
                .and(sameLang)
                .and(not(col("date_sensitive")).or(col("checked_on").equalTo(lit(java.sql.Date.valueOf(today))))));
    }

    /**
     * The files the earlier run skipped as not documents, under the same tool version, code and policy; null when
     * its output has no {@code skipped/} (written before the job kept one).
     */
    private Dataset<Row> earlierSkipped(Policy policy) throws IOException {
        Path dir = new Path(new Path(options.previous()), "skipped");
        if (!dir.getFileSystem(conf).exists(dir)) {
            return null;
        }
        return spark.read().parquet(dir.toString()).filter(col("reason").equalTo("not-document")
                .and(col("tool_version").equalTo(engine.version()))
                .and(col("code_fingerprint").equalTo(code))
                .and(col("policy_fingerprint").equalTo(policy.fingerprint())));
    }

    private Dataset<Row> earlierFindings() {
        return spark.read().parquet(child(new Path(options.previous()), "findings"));
    }

    private Column[] fileColumns(Policy policy) {
        return new Column[] {col("path"), col("sha256"), col("size"), col("format"), col("marking"), col("findings"),
            col("errors"), col("warnings"), col("infos"), col("date_sensitive"),
            lit(java.sql.Date.valueOf(today)).as("checked_on"), lit(engine.version()).as("tool_version"),
            lit(code).as("code_fingerprint"), lit(policy.fingerprint()).as("policy_fingerprint"),
            lit(options.lang()).cast(DataTypes.StringType).as("lang")};
    }

    private static Column[] findingColumns() {
        return new Column[] {col("path"), col("sha256"), col("format"), col("marking"), col("f.ordinal").as("ordinal"),
            col("f.rule").as("rule"), col("f.severity").as("severity"), col("f.location").as("location"),
            col("f.message").as("message"), col("f.evidence_fingerprint").as("evidence_fingerprint"),
            col("f.fingerprint").as("fingerprint")};
    }

    private static Column[] names(List<String> columns) {
        return columns.stream().map(c -> col(c)).toArray(Column[]::new);
    }

    private static scala.collection.immutable.Seq<String> seq(String... columns) {
        return scala.jdk.javaapi.CollectionConverters.asScala(List.of(columns)).toList();
    }

    private byte[] read(Path file) throws JobException, IOException {
        FileSystem fs = file.getFileSystem(conf);
        if (!fs.exists(file)) {
            throw new JobException("input.missing", file);
        }
        try (InputStream in = fs.open(file)) {
            return in.readAllBytes();
        }
    }

    private String qualified(Path p) throws IOException {
        return p.getFileSystem(conf).makeQualified(p).toString().replaceAll("/+$", "");
    }

    static String child(Path dir, String name) {
        return new Path(dir, name).toString();
    }
}
