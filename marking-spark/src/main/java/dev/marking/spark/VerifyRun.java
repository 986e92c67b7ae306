package dev.marking.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import dev.marking.core.engine.Engine;
import dev.marking.core.engine.EngineException;
import dev.marking.core.policy.Policy;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.SerializableConfiguration;
import scala.Tuple2;

/**
 * One run of the job on the driver: list, partition by bytes, keep what the earlier run may give, check the
 * rest on the executors, write the tables and the summary.
 */
final class VerifyRun {

    private final SparkSession spark;
    private final Engine engine;
    private final JobOptions options;
    private final LocalDate today;
    private final Configuration conf;

    VerifyRun(SparkSession spark, Engine engine, JobOptions options, LocalDate today) {
        this.spark = spark;
        this.engine = engine;
        this.options = options;
        this.today = today;
        this.conf = spark.sparkContext().hadoopConfiguration();
    }

    RunSummary run() throws JobException, EngineException, IOException {
        Path output = new Path(options.output());
        if (options.previous() != null && qualified(new Path(options.previous())).equals(qualified(output))) {
            throw new JobException("output.previous", options.previous());
        }
        byte[] policyBytes = options.policy() == null ? null : read(new Path(options.policy()));
        Policy policy = policyBytes == null ? Policy.defaults() : engine.policy(options.policy(), policyBytes);
        List<InputFile> files = new Listing(conf, engine.walkFilter(policy)).list(options.inputs());

        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        LongAccumulator read = spark.sparkContext().longAccumulator("marking documents read");
        DocumentTask task = new DocumentTask(engine.version(), options.policy(), policyBytes, today, options.lang(),
                jsc.broadcast(new SerializableConfiguration(conf)), read);
        BytePartitions parts = partitions(files);
        Dataset<Row> earlier = options.previous() == null ? null : earlierFiles(policy);
        JavaRDD<Row> work = inputs(files, parts, earlier).javaRDD()
                .mapToPair(r -> new Tuple2<>(r.<Integer>getAs("part"), r))
                .partitionBy(new BytePartitions.ByNumber(parts.count()))
                .values();
        Dataset<Row> outcomes = spark.createDataFrame(work.mapPartitions(task), Tables.OUTCOME)
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Dataset<Row> checked = outcomes.filter(not(col("reused")));
            Dataset<Row> kept = outcomes.filter(col("reused")).select("path", "sha256");
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
            long reused = kept.count();
            return new RunSummary(engine, spark, output, conf).write(read.value(), reused, policy, today);
        } finally {
            outcomes.unpersist();
        }
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

    /** The documents with their partition numbers and, where an earlier result may stand, its content hash. */
    private Dataset<Row> inputs(List<InputFile> files, BytePartitions parts, Dataset<Row> earlier) {
        List<Row> rows = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            InputFile f = files.get(i);
            rows.add(RowFactory.create(f.path(), f.source(), f.relative(), f.size(), parts.partOf(i), f.walked()));
        }
        Dataset<Row> in = spark.createDataFrame(rows, Tables.INPUT);
        if (earlier == null) {
            return in.withColumn("prev_sha256", lit(null).cast(DataTypes.StringType));
        }
        return in.join(earlier.select(col("path"), col("sha256").as("prev_sha256")), seq("path"), "left");
    }

    /**
     * The earlier run's files whose results still stand for unchanged content: same tool version, policy and
     * language, and checked today when the result depends on the day.
     */
    private Dataset<Row> earlierFiles(Policy policy) throws JobException {
        Dataset<Row> files;
        try {
            files = spark.read().parquet(child(new Path(options.previous()), "files"));
        } catch (RuntimeException e) {
            throw new JobException("previous.invalid", options.previous());
        }
        Column sameLang = options.lang() == null ? col("lang").isNull() : col("lang").equalTo(options.lang());
        return files.filter(col("tool_version").equalTo(engine.version())
                .and(col("policy_fingerprint").equalTo(policy.fingerprint()))
                .and(sameLang)
                .and(not(col("date_sensitive")).or(col("checked_on").equalTo(lit(java.sql.Date.valueOf(today))))));
    }

    private Dataset<Row> earlierFindings() {
        return spark.read().parquet(child(new Path(options.previous()), "findings"));
    }

    private Column[] fileColumns(Policy policy) {
        return new Column[] {col("path"), col("sha256"), col("size"), col("format"), col("marking"), col("findings"),
            col("errors"), col("warnings"), col("infos"), col("date_sensitive"),
            lit(java.sql.Date.valueOf(today)).as("checked_on"), lit(engine.version()).as("tool_version"),
            lit(policy.fingerprint()).as("policy_fingerprint"),
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
