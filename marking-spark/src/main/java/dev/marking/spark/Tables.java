package dev.marking.spark;

import dev.marking.core.engine.CheckedDocument;
import dev.marking.core.engine.CheckedFinding;
import dev.marking.core.engine.DeclaredMarking;
import dev.marking.core.model.Location;
import dev.marking.core.model.Ocr;
import dev.marking.core.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The shapes of the job's data: the documents to check, what checking one gave, and the two tables it
 * writes ({@code files/}, {@code findings/}). Findings keep hashes of their evidence, never the evidence.
 */
final class Tables {

    static final StructType MARKING = struct(
            field("level", DataTypes.StringType), field("scheme", DataTypes.StringType),
            field("term", DataTypes.StringType), field("copy", DataTypes.StringType),
            field("issued", DataTypes.StringType));

    /**
     * A place in a document as the JSON report gives it: unset parts are null; {@code ocr_confidence} is null
     * for text from the file, the OCR engine's confidence (0–100, or -1 without recognised words) for text read
     * from pixels.
     */
    static final StructType LOCATION = struct(
            field("part", DataTypes.StringType), field("section", DataTypes.IntegerType),
            field("page", DataTypes.IntegerType), field("sheet", DataTypes.StringType),
            field("cell", DataTypes.StringType), field("slide", DataTypes.IntegerType),
            field("paragraph", DataTypes.IntegerType), field("line", DataTypes.IntegerType),
            field("column", DataTypes.IntegerType), field("ocr_confidence", DataTypes.IntegerType));

    static final StructType FINDING = struct(
            field("ordinal", DataTypes.IntegerType), field("rule", DataTypes.StringType),
            field("severity", DataTypes.StringType), field("location", LOCATION),
            field("message", DataTypes.StringType), field("evidence_fingerprint", DataTypes.StringType),
            field("fingerprint", DataTypes.StringType));

    /** A document to check and its partition (an earlier run's hash and skip are joined on). */
    static final StructType INPUT = struct(
            field("path", DataTypes.StringType), field("source", DataTypes.StringType),
            field("relative", DataTypes.StringType), field("size", DataTypes.LongType),
            field("modified", DataTypes.LongType), field("part", DataTypes.IntegerType),
            field("walked", DataTypes.BooleanType));

    /** An outcome whose document the engine read and checked in this run. */
    static final String READ = "read";
    /** An outcome whose document could not be fetched, or folder listed (a finding, not read). */
    static final String FAILED = "failed";
    /** An outcome whose earlier result stands: only path, hash and size are set. */
    static final String REUSED = "reused";
    /** A walked file that is not a document, skipped as the CLI skips it: only path, size and time are set. */
    static final String SKIPPED = "skipped";

    /** What the check of one input gave; {@code kind} is one of the four above. */
    static final StructType OUTCOME = struct(
            field("path", DataTypes.StringType), field("sha256", DataTypes.StringType),
            field("size", DataTypes.LongType), field("modified", DataTypes.LongType),
            field("kind", DataTypes.StringType),
            field("format", DataTypes.StringType), field("marking", MARKING),
            field("findings", DataTypes.IntegerType), field("errors", DataTypes.IntegerType),
            field("warnings", DataTypes.IntegerType), field("infos", DataTypes.IntegerType),
            field("date_sensitive", DataTypes.BooleanType),
            field("found", DataTypes.createArrayType(FINDING, false)));

    /** The columns of {@code files/}, in order. */
    static final List<String> FILE_COLUMNS = List.of("path", "sha256", "size", "format", "marking", "findings", "errors",
            "warnings", "infos", "date_sensitive", "checked_on", "tool_version", "code_fingerprint", "policy_fingerprint",
            "lang");

    /**
     * The columns of {@code skipped/}, in order: what the walk did not check and why ({@code not-document},
     * {@code excluded}, {@code folder}, {@code link}), as the CLI's JSON report lists it.
     */
    static final StructType SKIPPED_TABLE = struct(
            field("path", DataTypes.StringType), field("reason", DataTypes.StringType),
            field("size", DataTypes.LongType), field("modified", DataTypes.LongType),
            field("tool_version", DataTypes.StringType), field("code_fingerprint", DataTypes.StringType),
            field("policy_fingerprint", DataTypes.StringType));

    /** The columns of {@code findings/}, in order. */
    static final List<String> FINDING_COLUMNS = List.of("path", "sha256", "format", "marking", "ordinal", "rule",
            "severity", "location", "message", "evidence_fingerprint", "fingerprint");

    private Tables() {
    }

    /** The outcome row of a checked document (size and time null for a folder that could not be listed). */
    static Row checked(CheckedDocument d, String sha256, Long size, Long modified, String kind) {
        List<Row> found = new ArrayList<>();
        for (int i = 0; i < d.findings().size(); i++) {
            CheckedFinding f = d.findings().get(i);
            found.add(RowFactory.create(i, f.rule(), f.severity().id(), location(f.location()), f.message(),
                    f.evidenceFingerprint(), f.fingerprint()));
        }
        Row marking = d.marking().map(m -> RowFactory.create(m.level(), m.scheme(), m.term(), m.copy(), m.issued()))
                .orElse(null);
        return RowFactory.create(d.path(), sha256, size, modified, kind, d.format(), marking, d.findings().size(),
                (int) d.count(Severity.ERROR), (int) d.count(Severity.WARNING), (int) d.count(Severity.INFO),
                d.dependsOnDate(), found.toArray(new Row[0]));
    }

    /** The outcome row of a document whose earlier result stands. */
    static Row reused(String path, String sha256, long size, long modified) {
        return RowFactory.create(path, sha256, size, modified, REUSED, null, null, 0, 0, 0, 0, false, new Row[0]);
    }

    /** The outcome row of a walked file that is not a document. */
    static Row skipped(String path, long size, long modified) {
        return RowFactory.create(path, null, size, modified, SKIPPED, null, null, 0, 0, 0, 0, false, new Row[0]);
    }

    /** A stored document back as the engine writes reports of it: path, format and findings (SARIF). */
    static CheckedDocument document(String path, String format, List<Row> findings) {
        List<CheckedFinding> out = new ArrayList<>();
        for (Row r : findings) {
            out.add(new CheckedFinding(r.getAs("rule"), Severity.valueOf(r.<String>getAs("severity")
                    .toUpperCase(Locale.ROOT)), r.getAs("message"), location(r.<Row>getAs("location")),
                    r.getAs("evidence_fingerprint"), r.getAs("fingerprint")));
        }
        return new CheckedDocument(path, format, Optional.<DeclaredMarking>empty(), out, false);
    }

    private static Row location(Location l) {
        return RowFactory.create(l.part(), positive(l.section()), positive(l.page()), l.sheet(), l.cell(),
                positive(l.slide()), positive(l.paragraph()), positive(l.line()), positive(l.column()),
                l.ocr() == null ? null : l.ocr().confidence());
    }

    private static Location location(Row r) {
        return new Location(r.getAs("part"), zero(r.getAs("section")), zero(r.getAs("page")),
                zero(r.getAs("paragraph")), zero(r.getAs("line")), zero(r.getAs("column")), r.getAs("sheet"),
                r.getAs("cell"), zero(r.getAs("slide")),
                r.getAs("ocr_confidence") == null ? null : new Ocr(r.<Integer>getAs("ocr_confidence")));
    }

    private static Integer positive(int n) {
        return n > 0 ? n : null;
    }

    private static int zero(Integer n) {
        return n == null ? 0 : n;
    }

    private static StructType struct(StructField... fields) {
        return DataTypes.createStructType(fields);
    }

    private static StructField field(String name, DataType type) {
        return DataTypes.createStructField(name, type, true);
    }
}
