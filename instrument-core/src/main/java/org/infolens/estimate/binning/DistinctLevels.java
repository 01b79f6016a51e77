package org.infolens.estimate.binning;

import org.infolens.data.Activations;
import org.infolens.numeric.Parallel;

/**
 * The sorted distinct values of a layer (one value excluded), without sorting them: EBAB needs only
 * their number and a few dozen of them by rank. Values are bucketed by the high 16 bits of an
 * order-preserving integer key; each bucket's low 16 bits are counted once in a 64K-bit set, and a
 * bucket is read back in order only when a rank falls in it. Linear time, in parallel chunks for
 * large layers, and lean on memory traffic, which bounds it on large layers: a full sort of 10^7
 * values costs more than the whole estimate.
 *
 * <p>-0.0 and +0.0 are one value, as numpy's unique treats them.
 */
final class DistinctLevels implements DistinctValues {

    private static final int BUCKETS = 1 << 16;
    private static final int WORDS = BUCKETS / 64;
    private static final int MIN_PARALLEL_VALUES = 1 << 20;

    // Non-empty buckets only, in key order.
    private final int[] bucket;          // the bucket's high 16 bits
    private final int[] start;           // offsets into lows (length buckets + 1)
    private final long[] distinctBefore; // distinct values in earlier buckets (length buckets + 1)
    private final char[] lows;           // low 16 bits of each kept value's key, grouped by bucket

    /**
     * Distinct values of float32 {@code values}, leaving out those equal to {@code excluded} (compared
     * in float32, -0.0 and +0.0 as one value).
     */
    DistinctLevels(Activations values, float excluded) {
        int n = values.size();
        int excludedKey = key(excluded);
        // Each chunk needs its own 64K-bucket histogram: worth it only for large layers.
        int chunks = Parallel.chunks(n, n, MIN_PARALLEL_VALUES);
        int[][] histogram = new int[chunks][BUCKETS];
        Parallel.forChunks(n, chunks, (chunk, from, to) -> {
            int[] h = histogram[chunk];
            int excludedHere = 0;
            for (int i = from; i < to; i++) {
                int k = key((float) values.getFlat(i)); // float32 values: exact
                h[k >>> 16]++;
                excludedHere += k == excludedKey ? 1 : 0;
            }
            h[excludedKey >>> 16] -= excludedHere;
        });
        // One sweep: compact the non-empty buckets, turn each chunk's counts into its write cursors.
        int[] bucketOf = new int[BUCKETS];
        int[] startOf = new int[BUCKETS + 1];
        int total = 0;
        int kept = 0;
        for (int b = 0; b < BUCKETS; b++) {
            int before = total;
            for (int[] h : histogram) {
                int count = h[b];
                h[b] = total;
                total += count;
            }
            bucketOf[kept] = b;
            startOf[kept] = before;
            kept += total > before ? 1 : 0;
        }
        startOf[kept] = total;
        int nonEmpty = kept;
        this.bucket = java.util.Arrays.copyOf(bucketOf, nonEmpty);
        this.start = java.util.Arrays.copyOf(startOf, nonEmpty + 1);
        this.lows = new char[total];
        Parallel.forChunks(n, chunks, (chunk, from, to) -> {
            int[] next = histogram[chunk];
            for (int i = from; i < to; i++) {
                int k = key((float) values.getFlat(i)); // recomputed: cheaper than storing 4 bytes a value
                if (k != excludedKey) {
                    lows[next[k >>> 16]++] = (char) k;
                }
            }
        });
        long[] distinct = new long[nonEmpty];
        Parallel.forChunks(nonEmpty, Parallel.chunks(nonEmpty, total, MIN_PARALLEL_VALUES), (chunk, from, to) -> {
            long[] seen = new long[WORDS];
            for (int j = from; j < to; j++) {
                distinct[j] = countDistinct(seen, start[j], start[j + 1]);
            }
        });
        this.distinctBefore = new long[nonEmpty + 1];
        for (int j = 0; j < nonEmpty; j++) {
            distinctBefore[j + 1] = distinctBefore[j] + distinct[j];
        }
    }

    @Override
    public long count() {
        return distinctBefore[bucket.length];
    }

    @Override
    public double valueAt(long rank) {
        if (rank < 0 || rank >= count()) {
            throw new IndexOutOfBoundsException("rank " + rank + " of " + count() + " distinct values");
        }
        int lo = 0;
        int hi = bucket.length - 1; // the last bucket j with distinctBefore[j] <= rank holds it
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (distinctBefore[mid] <= rank) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        long[] seen = new long[WORDS];
        for (int i = start[lo]; i < start[lo + 1]; i++) {
            seen[lows[i] >>> 6] |= 1L << lows[i];
        }
        long r = rank - distinctBefore[lo];
        for (int w = 0; w < WORDS; w++) {
            int bits = Long.bitCount(seen[w]);
            if (r < bits) {
                long word = seen[w];
                for (long k = 0; k < r; k++) {
                    word &= word - 1; // drop the lowest set bit
                }
                return fromKey((bucket[lo] << 16) | (w << 6) | Long.numberOfTrailingZeros(word));
            }
            r -= bits;
        }
        throw new IllegalStateException("distinct-value index is inconsistent at rank " + rank);
    }

    /** Distinct lows in [from, to): mark without branches, then count and clear. */
    private long countDistinct(long[] seen, int from, int to) {
        for (int i = from; i < to; i++) {
            int low = lows[i];
            seen[low >>> 6] |= 1L << low;
        }
        long d = 0;
        if (to - from > WORDS) {
            for (int w = 0; w < WORDS; w++) {
                d += Long.bitCount(seen[w]);
                seen[w] = 0;
            }
        } else {
            for (int i = from; i < to; i++) {
                int w = lows[i] >>> 6;
                d += Long.bitCount(seen[w]); // counted once: the word is cleared right after
                seen[w] = 0;
            }
        }
        return d;
    }

    /**
     * Order-preserving key of a float: its int, read unsigned, orders as the float does. Branch-free:
     * the sign of tanh-like values is a coin toss, and a branch on it mispredicts half the time.
     */
    static int key(float v) {
        int bits = Float.floatToRawIntBits(v + 0.0f); // -0.0 + 0.0 = +0.0
        return bits ^ ((bits >> 31) | 0x80000000);
    }

    /** The float whose key is {@code key}. */
    static float fromKey(int key) {
        return Float.intBitsToFloat(key ^ ((~key >> 31) | 0x80000000));
    }
}
