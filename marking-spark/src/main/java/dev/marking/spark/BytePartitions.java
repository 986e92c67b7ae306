package dev.marking.spark;

import java.util.List;
import org.apache.spark.Partitioner;

/**
 * Documents grouped into partitions by bytes, the way Spark splits files for its own readers: each document
 * weighs its length plus an opening cost, and a partition takes documents in path order until it would pass
 * {@code min(maxPartitionBytes, max(openCost, total weight / minPartitions))}. Many small documents share a
 * partition; a large one gets a partition of its own.
 */
final class BytePartitions {

    private final int[] partOf;
    private final int count;

    private BytePartitions(int[] partOf, int count) {
        this.partOf = partOf;
        this.count = count;
    }

    static BytePartitions of(List<InputFile> files, long maxPartitionBytes, long openCost, int minPartitions) {
        long total = 0;
        for (InputFile f : files) {
            total += f.size() + openCost;
        }
        long split = Math.min(maxPartitionBytes, Math.max(openCost, total / Math.max(1, minPartitions)));
        int[] partOf = new int[files.size()];
        int part = 0;
        long filled = 0;
        for (int i = 0; i < files.size(); i++) {
            long weight = files.get(i).size() + openCost;
            if (filled > 0 && filled + weight > split) {
                part++;
                filled = 0;
            }
            partOf[i] = part;
            filled += weight;
        }
        return new BytePartitions(partOf, files.isEmpty() ? 1 : part + 1);
    }

    /** The partition of the i-th document. */
    int partOf(int i) {
        return partOf[i];
    }

    int count() {
        return count;
    }

    /** Sends a document keyed by its partition number there. */
    static final class ByNumber extends Partitioner {

        private static final long serialVersionUID = 1L;

        private final int partitions;

        ByNumber(int partitions) {
            this.partitions = partitions;
        }

        @Override
        public int numPartitions() {
            return partitions;
        }

        @Override
        public int getPartition(Object key) {
            return (Integer) key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ByNumber b && b.partitions == partitions;
        }

        @Override
        public int hashCode() {
            return partitions;
        }
    }
}
