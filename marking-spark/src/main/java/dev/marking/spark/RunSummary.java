package dev.marking.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.marking.core.engine.CheckedDocument;
import dev.marking.core.engine.Engine;
import dev.marking.core.policy.Policy;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code DIR/summary.json} from the tables as written: {@code files}, {@code errors}, {@code warnings} and
 * {@code infos} mean what they mean in the CLI's JSON summary, and so does {@code skipped} (files and folders the walk
 * did not check: not documents, excluded, build and VCS folders, links; listed in {@code DIR/skipped/}); {@code read}
 * counts the documents the engine read and checked in this run, {@code reused} those whose earlier result was kept;
 * {@code policies} names the policy files applied and what a local one was refused, as the CLI's report does,
 * {@code code} the fingerprint of the code results were found with. A small run also gets
 * {@code DIR/marking.sarif}.
 */
final class RunSummary {

    /** Runs with at most this many findings (and files) also get a SARIF log. */
    static final long SARIF_LIMIT = 10_000;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Engine engine;
    private final SparkSession spark;
    private final Path output;
    private final Configuration conf;
    private long files;
    private long errors;
    private long warnings;
    private long infos;
    private long skipped;
    private long read;
    private long reused;

    RunSummary(Engine engine, SparkSession spark, Path output, Configuration conf) {
        this.engine = engine;
        this.spark = spark;
        this.output = output;
        this.conf = conf;
    }

    RunSummary write(long documentsRead, long documentsReused, Policy policy, LocalDate today, String code)
            throws IOException {
        Dataset<Row> fileTable = spark.read().parquet(VerifyRun.child(output, "files"));
        Row totals = fileTable.agg(count(lit(1)), coalesce(sum("findings"), lit(0L)), coalesce(sum("errors"), lit(0L)),
                coalesce(sum("warnings"), lit(0L)), coalesce(sum("infos"), lit(0L))).first();
        files = totals.getLong(0);
        long findings = totals.getLong(1);
        errors = totals.getLong(2);
        warnings = totals.getLong(3);
        infos = totals.getLong(4);
        skipped = spark.read().parquet(VerifyRun.child(output, "skipped")).count();
        read = documentsRead;
        reused = documentsReused;
        boolean sarif = findings <= SARIF_LIMIT && files <= SARIF_LIMIT;
        if (sarif) {
            writeSarif(fileTable);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", "marking");
        root.put("version", engine.version());
        root.put("files", files);
        root.put("errors", errors);
        root.put("warnings", warnings);
        root.put("infos", infos);
        root.put("skipped", skipped);
        root.put("findings", findings);
        root.put("read", read);
        root.put("reused", reused);
        root.put("policy", policy.fingerprint());
        root.put("policies", engine.policyFiles(policy));
        root.put("code", code);
        root.put("today", today.toString());
        root.put("sarif", sarif ? "marking.sarif" : null);
        try (Writer w = create("summary.json")) {
            MAPPER.writeValue(w, root);
        }
        return this;
    }

    private void writeSarif(Dataset<Row> fileTable) throws IOException {
        Map<String, List<Row>> byPath = new LinkedHashMap<>();
        Map<String, String> formats = new LinkedHashMap<>();
        for (Row r : fileTable.select("path", "format").orderBy("path").collectAsList()) {
            byPath.put(r.getString(0), new ArrayList<>());
            formats.put(r.getString(0), r.getString(1));
        }
        Dataset<Row> findings = spark.read().parquet(VerifyRun.child(output, "findings"));
        for (Row r : findings.orderBy(col("path"), col("ordinal")).collectAsList()) {
            byPath.computeIfAbsent(r.getAs("path"), p -> new ArrayList<>()).add(r);
        }
        List<CheckedDocument> documents = new ArrayList<>();
        byPath.forEach((path, rows) -> documents.add(Tables.document(path, formats.get(path), rows)));
        try (Writer w = create("marking.sarif")) {
            engine.writeSarif(documents, w);
        }
    }

    private Writer create(String name) throws IOException {
        Path file = new Path(output, name);
        FileSystem fs = file.getFileSystem(conf);
        OutputStream out = fs.create(file, true);
        return new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    long files() {
        return files;
    }

    long errors() {
        return errors;
    }

    long warnings() {
        return warnings;
    }

    long infos() {
        return infos;
    }

    long skipped() {
        return skipped;
    }

    long read() {
        return read;
    }

    long reused() {
        return reused;
    }
}
