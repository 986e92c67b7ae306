package dev.marking.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marking.core.text.Digests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every digest equals a plain SHA-256 of the file, wherever a copy first differs from the kept one. */
class CopyDigestsTest {

    private static final int STEP = CopyDigests.STEP;

    @TempDir
    Path tmp;

    private final Random random = new Random(17);

    @Test
    void copiesThatDifferAnywhereAroundTheSavedStates() throws Exception {
        byte[] first = bytes(3 * STEP + 123);
        CopyDigests digests = new CopyDigests();
        assertEquals(Digests.sha256(first), digests.sha256(write(first)), "the kept copy itself");
        for (int at : new int[] {0, 1, STEP - 1, STEP, STEP + 1, 2 * STEP, 3 * STEP - 1, 3 * STEP, 3 * STEP + 122}) {
            byte[] copy = first.clone();
            copy[at] ^= 1;
            assertEquals(Digests.sha256(copy), digests.sha256(write(copy)), "first difference at " + at);
        }
        assertEquals(Digests.sha256(first), digests.sha256(write(first)), "the same bytes again");
    }

    @Test
    void copiesLongerShorterOrEmpty() throws Exception {
        byte[] first = bytes(2 * STEP);
        CopyDigests digests = new CopyDigests();
        digests.sha256(write(first));
        for (int length : new int[] {0, 1, STEP - 1, STEP, STEP + 1, 2 * STEP - 1, 2 * STEP + 1, 5 * STEP + 7}) {
            byte[] copy = Arrays.copyOf(first, length);
            if (length > first.length) {
                System.arraycopy(bytes(length - first.length), 0, copy, first.length, length - first.length);
            }
            assertEquals(Digests.sha256(copy), digests.sha256(write(copy)), length + " bytes");
        }
    }

    @Test
    void anEmptyFirstCopyAndAFirstCopyOfWholeSteps() throws Exception {
        CopyDigests empty = new CopyDigests();
        assertEquals(Digests.sha256(new byte[0]), empty.sha256(write(new byte[0])));
        byte[] other = bytes(STEP + 5);
        assertEquals(Digests.sha256(other), empty.sha256(write(other)));

        byte[] whole = bytes(2 * STEP);
        CopyDigests steps = new CopyDigests();
        steps.sha256(write(whole));
        byte[] longer = Arrays.copyOf(whole, 2 * STEP + 10);
        assertEquals(Digests.sha256(longer), steps.sha256(write(longer)), "resumes from the state after the end");
    }

    @Test
    void aFirstCopyOverTheLimitIsNotKeptAndEveryCopyIsHashedInFull() throws Exception {
        byte[] first = bytes(STEP + 10);
        CopyDigests digests = new CopyDigests(STEP);
        assertEquals(Digests.sha256(first), digests.sha256(write(first)));
        byte[] copy = first.clone();
        copy[STEP + 3] ^= 1;
        assertEquals(Digests.sha256(copy), digests.sha256(write(copy)));
        byte[] small = bytes(100);
        assertEquals(Digests.sha256(small), digests.sha256(write(small)), "a small copy after a large one is kept");
        byte[] smallCopy = small.clone();
        smallCopy[99] ^= 1;
        assertEquals(Digests.sha256(smallCopy), digests.sha256(write(smallCopy)));
    }

    @Test
    void copiesHashedOnSeveralThreads() throws Exception {
        byte[] first = bytes(4 * STEP + 999);
        List<Path> files = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            byte[] copy = first.clone();
            int from = 4 * STEP + random.nextInt(999);
            copy[from] = (byte) i;
            files.add(write(copy));
            expected.add(Digests.sha256(copy));
        }
        CopyDigests digests = new CopyDigests();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> got = new ArrayList<>();
            for (Path f : files) {
                got.add(pool.submit(() -> digests.sha256(f)));
            }
            for (int i = 0; i < files.size(); i++) {
                assertEquals(expected.get(i), got.get(i).get(), "copy " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private Path write(byte[] bytes) throws IOException {
        Path f = Files.createTempFile(tmp, "copy", ".bin");
        Files.write(f, bytes);
        return f;
    }
}
