package org.infolens.numeric;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Splits O(N d) passes into chunks run on the current fork-join pool: the common pool on the
 * command line, the measurement pipeline's own bounded pool during training (so estimators never take
 * more cores than the pipeline was given). Small inputs run on the calling thread.
 */
public final class Parallel {

    /** Below this many elements a pass runs on one thread: forking costs more than it saves. */
    public static final int MIN_PARALLEL_WORK = 1 << 16;

    private Parallel() {
    }

    /** Work on chunk number {@code chunk}, the items [from, to). */
    @FunctionalInterface
    public interface RangeTask {
        void run(int chunk, int from, int to);
    }

    /** Threads available to the current task: the enclosing pool's parallelism (the common pool's plus the caller). */
    public static int threads() {
        ForkJoinPool pool = ForkJoinTask.inForkJoinPool() ? ForkJoinTask.getPool() : null;
        return pool != null ? pool.getParallelism() : ForkJoinPool.getCommonPoolParallelism() + 1;
    }

    /** Number of chunks for {@code n} items costing {@code work} elements in all. */
    public static int chunks(int n, long work) {
        return chunks(n, work, MIN_PARALLEL_WORK);
    }

    /** As {@link #chunks(int, long)}, for a pass whose per-chunk set-up needs more work to pay off. */
    public static int chunks(int n, long work, long minimumWork) {
        if (work < minimumWork || n < 2) {
            return 1;
        }
        return Math.max(1, Math.min(n, threads()));
    }

    /** Runs {@code task} on {@code chunks} contiguous pieces of [0, n), in parallel when chunks > 1. */
    public static void forChunks(int n, int chunks, RangeTask task) {
        if (chunks <= 1) {
            task.run(0, 0, n);
            return;
        }
        IntStream.range(0, chunks).parallel().forEach(c -> task.run(c, chunkStart(n, chunks, c), chunkStart(n, chunks, c + 1)));
    }

    /**
     * Runs {@code task} on the items 0..items-1, handed out one at a time to up to {@link #threads()} workers of the
     * current pool: a worker slowed by other load (another process on its core) takes fewer items, where
     * {@link #forChunks} would wait for its fixed share. Items must be independent; which worker runs which varies.
     */
    public static void forEachDynamic(int items, IntConsumer task) {
        int workers = Math.min(items, threads());
        if (workers <= 1) {
            for (int i = 0; i < items; i++) {
                task.accept(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < items; i = next.getAndIncrement()) {
                task.accept(i);
            }
        };
        List<ForkJoinTask<?>> workerTasks = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            workerTasks.add(ForkJoinTask.adapt(worker));
        }
        ForkJoinTask.invokeAll(workerTasks); // the caller runs the first, the pool the others
    }

    /** Start of chunk {@code c} of {@code chunks} over [0, n). */
    public static int chunkStart(int n, int chunks, int c) {
        return (int) ((long) n * c / chunks);
    }
}
