package dev.marking.spark;

import dev.marking.core.engine.CheckedDocument;
import dev.marking.core.engine.DocumentCheck;
import dev.marking.core.engine.Engine;
import dev.marking.core.engine.EngineException;
import dev.marking.core.policy.Policy;
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
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.SerializableConfiguration;

/**
 * What an executor does with one partition of documents: reads each one's bytes, hashes them, keeps the
 * earlier run's result when the hash says the content is unchanged, and otherwise has the engine check it
 * (counted in {@code read}); a file found in a folder that its content shows is not a document is skipped, as the
 * CLI's scan skips it. One document is in memory at a time; a document that cannot be fetched, read or
 * parsed becomes a finding, so one bad file never fails the task.
 */
final class DocumentTask implements FlatMapFunction<Iterator<Row>, Row> {

    private static final long serialVersionUID = 1L;

    /** Java arrays stop short of 2 GiB; a longer document is reported, not read. */
    private static final long MAX_BYTES = Integer.MAX_VALUE - 16L;

    private final String version;
    private final String policyName;
    private final byte[] policy;
    private final LocalDate today;
    private final String lang;
    private final Broadcast<SerializableConfiguration> hadoop;
    private final LongAccumulator read;

    DocumentTask(String version, String policyName, byte[] policy, LocalDate today, String lang,
            Broadcast<SerializableConfiguration> hadoop, LongAccumulator read) {
        this.version = version;
        this.policyName = policyName;
        this.policy = policy == null ? null : policy.clone();
        this.today = today;
        this.lang = lang;
        this.hadoop = hadoop;
        this.read = read;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> inputs) throws EngineException {
        Engine engine = Engine.standard(version);
        Policy p = policy == null ? Policy.defaults() : engine.policy(policyName, policy);
        DocumentCheck check = engine.documentCheck(p, today, lang);
        Configuration conf = hadoop.value().value();
        return new Iterator<>() {
            private Row ahead;

            @Override
            public boolean hasNext() {
                while (ahead == null && inputs.hasNext()) {
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

    /** The outcome for one input; null for a walked file that is not a document (skipped, as the CLI skips it). */
    private Row check(DocumentCheck check, Configuration conf, Row input) {
        String path = input.getAs("path");
        String relative = input.getAs("relative");
        long size = input.<Long>getAs("size");
        String earlier = input.getAs("prev_sha256");
        if (size > MAX_BYTES) {
            return Tables.checked(check.unreadable(path, relative, "too large to read in one piece (" + size
                    + " bytes)"), null, size);
        }
        byte[] content;
        try {
            Path source = new Path(input.<String>getAs("source"));
            try (InputStream in = source.getFileSystem(conf).open(source)) {
                content = in.readAllBytes();
            }
        } catch (IOException e) {
            return Tables.checked(check.unreadable(path, relative, "cannot fetch: " + e.getMessage()), null, size);
        }
        String sha256 = sha256(content);
        if (sha256.equals(earlier)) {
            return Tables.reused(path, sha256, content.length);
        }
        Optional<CheckedDocument> d = check.check(path, relative, content, input.<Boolean>getAs("walked"));
        if (d.isEmpty()) {
            return null;
        }
        read.add(1);
        return Tables.checked(d.get(), sha256, content.length);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
