package org.infolens.estimate.knn;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.infolens.numeric.Parallel;

/**
 * Exact neighbour queries for many dimensions, where a k-d tree prunes nothing.
 *
 * <p>Each coordinate is cut into equal-count bins, and for every coordinate and bin a bitmap marks
 * the points in that bin or below. Every coordinate difference is at most the distance (max-norm
 * or Euclidean), so the points within radius r of a query are among the AND, over coordinates, of
 * the bitmaps of the bins that [q_k - r, q_k + r] touches: a few thousand word operations per query
 * instead of N distances. Only those candidates get their distance, which stops as soon as it
 * exceeds what could matter. A k-NN query starts from the radius of the query before and widens it
 * until k points fall inside, so the result is exact.
 */
final class CoordinateBitmapSearch implements NeighbourSearch {

    /** Bins per coordinate: 16 cut a coordinate finely enough, and 16 bitmaps of N bits stay in cache. */
    private static final int BINS = 16;
    /** Coordinates with bitmaps: beyond a few dozen, another AND removes almost nothing. */
    private static final int MAX_INDEXED = 32;
    /** Widening of radii for the bitmaps, so rounding at a bin edge never drops a point. */
    private static final double SLACK = 1e-9;

    /** A query starts from the k-th distance of the one before, widened a little: most then need one pass. */
    private static final double NEXT_RADIUS = 1.2;

    private final double[] x;
    private final int n;
    private final int d;
    private final boolean max;
    private final int words;
    private final int[] indexed;        // coordinates with bitmaps
    private final double[][] edges;     // [coordinate][b - 1]: lowest value of bin b, b = 1..bins-1
    private final long[][][] atOrBelow; // [coordinate][bin][word]: points in this bin or a lower one
    private final double widestRange;   // beyond this radius every point is a candidate

    CoordinateBitmapSearch(PointSet points, Norm norm) {
        this.x = points.raw();
        this.n = points.rows();
        this.d = points.dims();
        this.max = norm == Norm.MAX;
        this.words = (n + 63) >>> 6;
        this.indexed = widestSpread(Math.min(d, MAX_INDEXED));
        int bins = Math.max(1, Math.min(BINS, n));
        this.edges = new double[indexed.length][];
        this.atOrBelow = new long[indexed.length][][];
        double widest = 0;
        for (int t = 0; t < indexed.length; t++) {
            double[] v = column(indexed[t]);
            Arrays.sort(v);
            widest = Math.max(widest, v[n - 1] - v[0]);
            double[] e = new double[bins - 1];
            for (int b = 1; b < bins; b++) {
                e[b - 1] = v[(int) ((long) b * n / bins)];
            }
            edges[t] = e;
            long[][] maps = new long[bins][words];
            for (int i = 0; i < n; i++) {
                maps[bin(e, x[i * d + indexed[t]])][i >>> 6] |= 1L << i;
            }
            for (int b = 1; b < bins; b++) {
                for (int w = 0; w < words; w++) {
                    maps[b][w] |= maps[b - 1][w];
                }
            }
            atOrBelow[t] = maps;
        }
        this.widestRange = widest;
    }

    /** The {@code count} coordinates of largest variance, in coordinate order. */
    private int[] widestSpread(int count) {
        double[] variance = new double[d];
        for (int c = 0; c < d; c++) {
            double mean = 0;
            double sq = 0;
            for (int i = 0; i < n; i++) {
                double v = x[i * d + c];
                mean += v;
                sq += v * v;
            }
            mean /= n;
            variance[c] = sq / n - mean * mean;
        }
        return IntStream.range(0, d).boxed()
                .sorted((a, b) -> Double.compare(variance[b], variance[a]))
                .limit(count).mapToInt(Integer::intValue).sorted().toArray();
    }

    private double[] column(int c) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = x[i * d + c];
        }
        return v;
    }

    /** Number of edges at or below v: the bin of v (monotone in v, so a value range maps to a bin range). */
    private static int bin(double[] edges, double v) {
        int lo = 0;
        int hi = edges.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Marks in {@code out} a superset of the points within distance r of point q (q included). */
    private void candidates(int q, double r, long[] out) {
        Arrays.fill(out, -1L);
        if (n % 64 != 0) {
            out[words - 1] = (1L << n) - 1; // shifts are mod 64: the bits of the last, partial word
        }
        if (r > widestRange) {
            return;
        }
        double reach = r * (1 + SLACK) + Double.MIN_NORMAL;
        for (int t = 0; t < indexed.length; t++) {
            double v = x[q * d + indexed[t]];
            int lo = bin(edges[t], v - reach);
            int hi = bin(edges[t], v + reach);
            long[][] maps = atOrBelow[t];
            if (lo == 0 && hi == maps.length - 1) {
                continue; // every bin: no constraint
            }
            long[] upTo = maps[hi];
            if (lo == 0) {
                for (int w = 0; w < words; w++) {
                    out[w] &= upTo[w];
                }
            } else {
                long[] below = maps[lo - 1];
                for (int w = 0; w < words; w++) {
                    out[w] &= upTo[w] & ~below[w];
                }
            }
        }
    }

    /** Comparable distance (squared for Euclidean), or any value > limit once it is certain to exceed it. */
    private double distance(int a, int b, double limit) {
        int pa = a * d;
        int pb = b * d;
        double acc = 0;
        if (max) {
            for (int j = 0; j < d; j++) {
                double diff = Math.abs(x[pa + j] - x[pb + j]);
                if (diff > acc) {
                    acc = diff;
                    if (acc > limit) {
                        return acc;
                    }
                }
            }
        } else {
            for (int j = 0; j < d; j++) {
                double diff = x[pa + j] - x[pb + j];
                acc += diff * diff;
                if ((j & 7) == 7 && acc > limit) {
                    return acc;
                }
            }
        }
        return acc;
    }

    /** Per-thread state of k-NN queries: the candidate bitmap, the best k, and the last radius. */
    private final class Query {
        final long[] candidates = new long[words];
        final TopK top;
        double radius;

        Query(int k) {
            top = new TopK(k);
        }

        /** The k nearest other points of q, exactly. */
        TopK nearest(int q) {
            double r = radius;
            while (true) {
                candidates(q, r, candidates);
                top.reset();
                for (int w = 0; w < words; w++) {
                    for (long bits = candidates[w]; bits != 0; bits &= bits - 1) {
                        int j = (w << 6) + Long.numberOfTrailingZeros(bits);
                        if (j != q) {
                            double limit = top.worst();
                            double dist = distance(q, j, limit);
                            if (dist < limit) {
                                top.offer(dist, j);
                            }
                        }
                    }
                }
                double worst = top.worst();
                if (worst <= Knn.toComparable(r, max)) {
                    radius = Knn.toDistance(worst, max) * NEXT_RADIUS;
                    return top; // every point nearer than the k-th found lies within r: a candidate
                }
                // k found beyond r: their k-th distance bounds the answer; fewer than k: widen
                r = worst < Double.POSITIVE_INFINITY ? Knn.toDistance(worst, max) * (1 + SLACK)
                        : r > 0 ? 2 * r : Math.max(widestRange / 64, Double.MIN_NORMAL);
            }
        }
    }

    private interface QueryTask {
        void answer(Query query, int q);
    }

    private void eachQuery(int k, QueryTask task) {
        Knn.checkK(k, n);
        Parallel.forChunks(n, Parallel.chunks(n, (long) n * n / 16), (chunk, from, to) -> {
            Query query = new Query(k);
            for (int q = from; q < to; q++) {
                task.answer(query, q);
            }
        });
    }

    @Override
    public double[] kthNeighbourDistances(int k) {
        double[] out = new double[n];
        eachQuery(k, (query, q) -> out[q] = Knn.toDistance(query.nearest(q).worst(), max));
        return out;
    }

    @Override
    public int[][] nearestNeighbours(int k) {
        int[][] out = new int[n][];
        eachQuery(k, (query, q) -> out[q] = query.nearest(q).point.clone());
        return out;
    }

    @Override
    public double[][] neighbourDistances(int k) {
        double[][] out = new double[n][];
        eachQuery(k, (query, q) -> out[q] = Knn.toDistances(query.nearest(q).distance, max));
        return out;
    }

    @Override
    public int[] countWithin(double[] radii, boolean strict) {
        int[] out = new int[n];
        Parallel.forChunks(n, Parallel.chunks(n, (long) n * n / 16), (chunk, from, to) -> {
            long[] candidates = new long[words];
            for (int q = from; q < to; q++) {
                double r = Knn.toComparable(radii[q], max);
                candidates(q, radii[q], candidates);
                int c = 0;
                for (int w = 0; w < words; w++) {
                    for (long bits = candidates[w]; bits != 0; bits &= bits - 1) {
                        int j = (w << 6) + Long.numberOfTrailingZeros(bits);
                        if (j != q) {
                            double dist = distance(q, j, r);
                            c += (strict ? dist < r : dist <= r) ? 1 : 0;
                        }
                    }
                }
                out[q] = c;
            }
        });
        return out;
    }
}
