package org.infolens.numeric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Dynamic hand-out: every item exactly once, on the caller's pool, failures passed on. */
class ParallelTest {

    @ParameterizedTest(name = "items={0}")
    @ValueSource(ints = {0, 1, 2, 7, 100, 1000})
    void forEachDynamicRunsEveryItemOnce(int items) {
        AtomicIntegerArray runs = new AtomicIntegerArray(items);
        Parallel.forEachDynamic(items, runs::incrementAndGet);
        int[] once = new int[items];
        Arrays.fill(once, 1);
        assertArrayEquals(once, toArray(runs));
    }

    @Test
    void forEachDynamicUsesTheEnclosingPoolsThreads() throws Exception {
        ForkJoinPool pool = new ForkJoinPool(3);
        try {
            AtomicIntegerArray runs = new AtomicIntegerArray(500);
            int threads = pool.submit(() -> {
                Parallel.forEachDynamic(500, runs::incrementAndGet);
                return Parallel.threads();
            }).get();
            assertEquals(3, threads);
            int[] once = new int[500];
            Arrays.fill(once, 1);
            assertArrayEquals(once, toArray(runs));
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aFailingItemFailsTheCall() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parallel.forEachDynamic(50, i -> {
            if (i == 37) {
                throw new IllegalStateException("item 37");
            }
        }));
        // ForkJoin rethrows a failure from another thread as a new exception of its type, naming the original
        assertTrue(e.getMessage().contains("item 37"), e.getMessage());
    }

    private static int[] toArray(AtomicIntegerArray a) {
        int[] v = new int[a.length()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i);
        }
        return v;
    }
}
