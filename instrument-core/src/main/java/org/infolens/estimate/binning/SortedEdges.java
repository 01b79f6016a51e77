package org.infolens.estimate.binning;


/**
 * Bin lookup against non-decreasing edges with numpy {@code digitize} semantics: the bin of a value is
 * the number of edges {@code <= value}, minus one (so -1 below the first edge, {@code n-1} at or above
 * the last). Duplicate edges are allowed, as EBAB produces them when a layer has few distinct values.
 *
 * <p>float32 values are looked up by the high bits of their order-preserving integer key: a table
 * holds the bin of every key bucket that no edge cuts, so most values need one load and no
 * comparison; values in the few buckets an edge cuts are resolved by comparing with the edges (in
 * double, so float32 edges compare exactly as in float32). Key buckets follow the float spacing, so
 * edges crowded near 0 (EBAB on tanh layers) cut no more buckets than evenly spread ones.
 */
final class SortedEdges {

    /** Table bits for edges built once and used on every layer (fixed-range, global min-max): 4 MB. */
    static final int FIXED_TABLE_BITS = 20;

    private final double[] edges;
    private final int shift;
    private final int[] table; // t > 0: every value of the bucket has bin t - 2; t <= 0: an edge cuts it, its start has bin -t - 1

    SortedEdges(double[] edges, int tableBits) {
        if (edges.length == 0) {
            throw new IllegalArgumentException("binning needs at least one edge");
        }
        for (int i = 1; i < edges.length; i++) {
            if (!(edges[i] >= edges[i - 1])) {
                throw new IllegalArgumentException("bin edges must be non-decreasing: edge " + i + " = " + edges[i]
                        + " < edge " + (i - 1) + " = " + edges[i - 1]);
            }
        }
        this.edges = edges.clone();
        this.shift = 32 - tableBits;
        this.table = new int[1 << tableBits];
        // Buckets between consecutive edges hold one bin; the bucket holding the first float at or above
        // an edge is cut unless that float starts it. Key order is float order.
        int lowMask = (1 << shift) - 1;
        int filled = 0; // buckets below this index are set
        for (int k = 0; k < this.edges.length; k++) {
            int key = DistinctLevels.key(firstFloatAtOrAbove(this.edges[k]));
            int b = key >>> shift;
            if (b < filled) {
                continue; // a bucket already cut by an earlier edge: its walk passes this edge too
            }
            java.util.Arrays.fill(table, filled, b, k + 1); // bin k - 1, encoded + 2
            if ((key & lowMask) != 0) {
                table[b] = -k; // cut: the bucket starts in bin k - 1, encoded -(bin + 1)
                filled = b + 1;
            } else {
                filled = b;
            }
        }
        java.util.Arrays.fill(table, filled, table.length, this.edges.length + 1); // the top bin
    }

    /** The smallest float32 >= {@code edge} (edges are doubles, values float32). */
    private static float firstFloatAtOrAbove(double edge) {
        float f = (float) edge;
        return f < edge ? Math.nextUp(f) : f;
    }

    /** Table size for a layer of {@code values} values: small layers do not pay for a large table. */
    static int tableBitsFor(long values) {
        return values < 1 << 16 ? 14 : values < 1 << 21 ? 18 : 20;
    }

    /** Number of edges <= value, minus one, for a float64 value: a binary search, in double. */
    int binFloat64(double value) {
        int lo = 0;
        int hi = edges.length; // the answer (edges <= value) lies in [lo, hi]
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }

    /** Number of edges <= value, minus one. */
    int bin(float value) {
        int t = table[DistinctLevels.key(value) >>> shift];
        if (t > 0) {
            return t - 2;
        }
        int g = -t - 1;
        final double[] e = edges;
        while (g + 1 < e.length && e[g + 1] <= value) {
            g++;
        }
        return g;
    }
}
