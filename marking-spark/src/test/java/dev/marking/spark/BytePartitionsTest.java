package dev.marking.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BytePartitionsTest {

    private static List<InputFile> sizes(long... sizes) {
        List<InputFile> files = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            files.add(new InputFile("f" + i, "file:/f" + i, "f" + i, sizes[i], 0L, true));
        }
        return files;
    }

    @Test
    void smallDocumentsShareAPartitionUpToTheSplitSize() {
        // 10 documents of 1 weight unit each (size 0 + open cost 1), split = max(1, 10 / 2) = 5
        BytePartitions p = BytePartitions.of(sizes(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), 100, 1, 2);
        assertEquals(2, p.count());
        assertEquals(0, p.partOf(4));
        assertEquals(1, p.partOf(5));
    }

    @Test
    void aLargeDocumentGetsAPartitionOfItsOwn() {
        BytePartitions p = BytePartitions.of(sizes(1, 1000, 1), 10, 1, 1);
        assertEquals(3, p.count());
        assertEquals(List.of(0, 1, 2), List.of(p.partOf(0), p.partOf(1), p.partOf(2)));
    }

    @Test
    void noDocumentsIsOneEmptyPartition() {
        assertEquals(1, BytePartitions.of(List.of(), 10, 1, 2).count());
    }

    @Test
    void thePartitionerSendsAKeyToItsNumber() {
        BytePartitions.ByNumber by = new BytePartitions.ByNumber(4);
        assertEquals(4, by.numPartitions());
        assertEquals(3, by.getPartition(3));
    }
}
