package dev.marking.spark;

import dev.marking.core.engine.CheckedDocument;
import dev.marking.core.engine.DocumentCheck;
import dev.marking.core.engine.Engine;
import dev.marking.core.engine.EngineException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.util.SerializableConfiguration;

/**
 * What an executor does with one partition of documents: reads each one's bytes, hashes them, keeps the
 * earlier run's result when the hash says the content is unchanged, and otherwise has the engine check it
 * (outcome {@code read}); a file found in a folder that its content shows is not a document is skipped, as the
 * CLI's scan skips it, and one skipped so by the earlier run under the same code and policy, whose size and
 * modification time are unchanged, is skipped again without being fetched. One document is in memory at a time;
 * a document that cannot be fetched, read or parsed becomes a finding, so one bad file never fails the task.
 * Nothing is counted here (a retried task would count twice): the driver counts the outcomes.
 */
final class DocumentTask implements FlatMapFunction<Iterator<Row>, Row> {

    private static final long serialVersionUID = 1L;

    /** Java arrays stop short of 2 GiB; a longer document is reported, not read. */
    private static final long MAX_BYTES = Integer.MAX_VALUE - 16L;

    private final String version;
    private final PolicyFiles policy;
    private final LocalDate today;
    private final String lang;
    private final Broadcast<SerializableConfiguration> hadoop;

    DocumentTask(String version, PolicyFiles policy, LocalDate today, String lang,
            Broadcast<SerializableConfiguration> hadoop) {
        this.version = version;
        this.policy = policy;
        this.today = today;
        this.lang = lang;
        this.hadoop = hadoop;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> inputs) throws EngineException {
        Engine engine = Engine.standard(version);
        DocumentCheck check = engine.documentCheck(policy.resolve(engine), today, lang);
        Configuration conf = hadoop.value().value();
        return new Iterator<>() {
            private Row ahead;

            @Override
            public boolean hasNext() {
                if (ahead == null && inputs.hasNext()) {
                    ahead = check(check, conf, inputs.next());
                }
                return ahead != null;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Row r = ahead;
                ahead = null;
                return r;
            }
        };
    }

    /** The outcome for one input. */
    private Row check(DocumentCheck check, Configuration conf, Row input) {
        String path = input.getAs("path");
        String relative = input.getAs("relative");
        long size = input.<Long>getAs("size");
        long modified = input.<Long>getAs("modified");
        if (Boolean.TRUE.equals(input.getAs("prev_skipped"))) {
            return Tables.skipped(path, size, modified);
        }
        if (size > MAX_BYTES) {
            return Tables.checked(check.unreadable(path, relative, "too large to read in one piece (" + size
                    + " bytes)"), null, size, modified, Tables.FAILED);
        }
        byte[] content;
        try {
            Path source = new Path(input.<String>getAs("source"));
            try (InputStream in = source.getFileSystem(conf).open(source)) {
                content = in.readAllBytes();
            }
        } catch (IOException e) {
            return Tables.checked(check.unreadable(path, relative, "cannot fetch: " + e.getMessage()), null, size,
                    modified, Tables.FAILED);
        }
        String sha256 = sha256(content);
        if (sha256.equals(input.getAs("prev_sha256"))) {
            return Tables.reused(path, sha256, content.length, modified);
        }
        Optional<CheckedDocument> d = check.check(path, relative, content, input.<Boolean>getAs("walked"));
        return d.isEmpty() ? Tables.skipped(path, content.length, modified)
                : Tables.checked(d.get(), sha256, (long) content.length, modified, Tables.READ);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
