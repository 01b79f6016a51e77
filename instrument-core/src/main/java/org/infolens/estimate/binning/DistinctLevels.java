package org.infolens.estimate.binning;

import org.infolens.data.Activations;

/**
 * The sorted distinct values of a layer (one value excluded), without sorting them: EBAB needs only
 * their number and a few of them by rank. Values are bucketed by the high 16 bits of an order-
 * preserving integer key, then each bucket's low 16 bits are deduplicated in a 64K-bit set. Linear
 * time; a full sort of 10^7 values would cost more than the whole estimate.
 *
 * <p>-0.0 and +0.0 are one value, as numpy's unique treats them.
 */
final class DistinctLevels {

    private static final int BUCKETS = 1 << 16;

    private final int[] bucketStart;     // offsets into lows, per bucket (length BUCKETS + 1)
    private final char[] lows;           // low 16 bits of each kept value, grouped by bucket
    private final long[] distinctBefore; // distinct values in buckets < b (length BUCKETS + 1)

    /** Distinct values of {@code values}, leaving out those equal to {@code excluded} (compared in float32). */
    DistinctLevels(Activations values, float excluded) {
        int n = values.size();
        int[] counts = new int[BUCKETS + 1];
        for (int i = 0; i < n; i++) {
            float v = values.getFlat(i);
            if (v != excluded) {
                counts[(key(v) >>> 16) + 1]++;
            }
        }
        for (int b = 0; b < BUCKETS; b++) {
            counts[b + 1] += counts[b];
        }
        this.bucketStart = counts;
        int kept = counts[BUCKETS];
        this.lows = new char[kept];
        int[] next = new int[BUCKETS];
        System.arraycopy(counts, 0, next, 0, BUCKETS);
        for (int i = 0; i < n; i++) {
            float v = values.getFlat(i);
            if (v != excluded) {
                int k = key(v);
                lows[next[k >>> 16]++] = (char) k;
            }
        }
        this.distinctBefore = new long[BUCKETS + 1];
        long[] seen = new long[1 << 10];
        for (int b = 0; b < BUCKETS; b++) {
            int from = bucketStart[b];
            int to = bucketStart[b + 1];
            distinctBefore[b + 1] = distinctBefore[b] + (from == to ? 0 : markAndCount(seen, from, to));
        }
    }

    /** Number of distinct values. */
    long count() {
        return distinctBefore[BUCKETS];
    }

    /** The distinct value of rank {@code rank} (0 = smallest). */
    float valueAt(long rank) {
        if (rank < 0 || rank >= count()) {
            throw new IndexOutOfBoundsException("rank " + rank + " of " + count() + " distinct values");
        }
        int lo = 0;
        int hi = BUCKETS - 1; // find the bucket b with distinctBefore[b] <= rank < distinctBefore[b+1]
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (distinctBefore[mid] <= rank) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        int b = lo;
        long[] seen = new long[1 << 10];
        for (int i = bucketStart[b]; i < bucketStart[b + 1]; i++) {
            seen[lows[i] >>> 6] |= 1L << lows[i];
        }
        long r = rank - distinctBefore[b];
        for (int w = 0; w < seen.length; w++) {
            int bits = Long.bitCount(seen[w]);
            if (r < bits) {
                long word = seen[w];
                for (long j = 0; j < r; j++) {
                    word &= word - 1; // drop the lowest set bit
                }
                int low = (w << 6) | Long.numberOfTrailingZeros(word);
                return fromKey((b << 16) | low);
            }
            r -= bits;
        }
        throw new IllegalStateException("distinct-value index is inconsistent at rank " + rank);
    }

    private int markAndCount(long[] seen, int from, int to) {
        int distinct = 0;
        for (int i = from; i < to; i++) {
            int word = lows[i] >>> 6;
            long bit = 1L << lows[i];
            if ((seen[word] & bit) == 0) {
                seen[word] |= bit;
                distinct++;
            }
        }
        for (int i = from; i < to; i++) {
            seen[lows[i] >>> 6] = 0;
        }
        return distinct;
    }

    /** Order-preserving unsigned key of a float (as an int whose unsigned order is the float order). */
    private static int key(float v) {
        int bits = Float.floatToRawIntBits(v + 0.0f); // -0.0 + 0.0 = +0.0
        return bits >= 0 ? bits ^ 0x80000000 : ~bits;
    }

    private static float fromKey(int key) {
        return Float.intBitsToFloat(key < 0 ? key ^ 0x80000000 : ~key);
    }
}
