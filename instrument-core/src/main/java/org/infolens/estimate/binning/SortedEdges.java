package org.infolens.estimate.binning;

/**
 * Bin lookup against non-decreasing edges with numpy {@code digitize} semantics: the bin of a value is
 * the number of edges {@code <= value}, minus one (so -1 below the first edge, {@code n-1} at or above
 * the last). Duplicate edges are allowed, as EBAB produces them when a layer has few distinct values.
 *
 * <p>A uniform grid over the edge range gives each value a lower bound on its bin in O(1); a short
 * forward scan then makes it exact. Comparisons are in double: float32 values and float32 edges
 * compare exactly as they would in float32.
 */
final class SortedEdges {

    private final double[] edges;
    private final double gridLow;
    private final double gridScale;
    private final int[] gridStart; // per cell: a bin no larger than the bin of any value in the cell

    SortedEdges(double[] edges) {
        for (int i = 1; i < edges.length; i++) {
            if (!(edges[i] >= edges[i - 1])) {
                throw new IllegalArgumentException("bin edges must be non-decreasing: edge " + i + " = " + edges[i]
                        + " < edge " + (i - 1) + " = " + edges[i - 1]);
            }
        }
        this.edges = edges.clone();
        int n = edges.length;
        double lo = n == 0 ? 0 : edges[0];
        double hi = n == 0 ? 0 : edges[n - 1];
        int cells = Math.max(1, 4 * n);
        this.gridLow = lo;
        this.gridScale = hi > lo ? cells / (hi - lo) : 0;
        this.gridStart = new int[cells];
        // Cell c starts at lo + c/scale; a value computed into cell c lies at or above the start of
        // cell c-1 even with rounding, so the bin at that earlier point is a safe lower bound.
        for (int c = 0; c < cells; c++) {
            double start = gridScale == 0 ? lo : lo + (c - 1) / gridScale;
            gridStart[c] = c == 0 ? -1 : exactBin(start);
        }
    }

    int count() {
        return edges.length;
    }

    double edge(int i) {
        return edges[i];
    }

    /** Number of edges <= value, minus one. */
    int bin(double value) {
        if (value < gridLow) {
            return -1;
        }
        int cell = (int) ((value - gridLow) * gridScale);
        int g = cell >= gridStart.length ? gridStart[gridStart.length - 1] : gridStart[cell];
        final double[] e = edges;
        while (g + 1 < e.length && e[g + 1] <= value) {
            g++;
        }
        return g;
    }

    private int exactBin(double value) {
        int lo = 0;
        int hi = edges.length; // first index with edges[i] > value
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
}
