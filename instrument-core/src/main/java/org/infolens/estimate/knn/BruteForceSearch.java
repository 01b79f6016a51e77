package org.infolens.estimate.knn;

import org.infolens.estimate.Parallel;

/**
 * Neighbour queries by scanning every pair, in parallel query chunks; each distance stops as soon as
 * it exceeds what could matter (the current k-th best, or the radius). For many dimensions, where
 * no tree prunes.
 */
final class BruteForceSearch implements NeighbourSearch {

    private final double[] x;
    private final int n;
    private final int d;
    private final boolean max;

    BruteForceSearch(PointSet points, Norm norm) {
        this.x = points.raw();
        this.n = points.rows();
        this.d = points.dims();
        this.max = norm == Norm.MAX;
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

    private TopK nearest(int q, TopK top) {
        top.reset();
        for (int j = 0; j < n; j++) {
            if (j != q) {
                double limit = top.worst();
                double dist = distance(q, j, limit);
                if (dist < limit) {
                    top.offer(dist, j);
                }
            }
        }
        return top;
    }

    @Override
    public double[] kthNeighbourDistances(int k) {
        Knn.checkK(k, n);
        double[] out = new double[n];
        Parallel.forChunks(n, Parallel.chunks(n, (long) n * n * d / 64), (chunk, from, to) -> {
            TopK top = new TopK(k);
            for (int q = from; q < to; q++) {
                out[q] = Knn.toDistance(nearest(q, top).worst(), max);
            }
        });
        return out;
    }

    @Override
    public int[][] nearestNeighbours(int k) {
        Knn.checkK(k, n);
        int[][] out = new int[n][];
        Parallel.forChunks(n, Parallel.chunks(n, (long) n * n * d / 64), (chunk, from, to) -> {
            TopK top = new TopK(k);
            for (int q = from; q < to; q++) {
                out[q] = nearest(q, top).point.clone();
            }
        });
        return out;
    }

    @Override
    public double[][] neighbourDistances(int k) {
        Knn.checkK(k, n);
        double[][] out = new double[n][];
        Parallel.forChunks(n, Parallel.chunks(n, (long) n * n * d / 64), (chunk, from, to) -> {
            TopK top = new TopK(k);
            for (int q = from; q < to; q++) {
                out[q] = Knn.toDistances(nearest(q, top).distance, max);
            }
        });
        return out;
    }

    @Override
    public int[] countWithin(double[] radii, boolean strict) {
        int[] out = new int[n];
        Parallel.forChunks(n, Parallel.chunks(n, (long) n * n * d / 64), (chunk, from, to) -> {
            for (int q = from; q < to; q++) {
                double r = Knn.toComparable(radii[q], max);
                int c = 0;
                for (int j = 0; j < n; j++) {
                    if (j != q) {
                        double dist = distance(q, j, r);
                        c += (strict ? dist < r : dist <= r) ? 1 : 0;
                    }
                }
                out[q] = c;
            }
        });
        return out;
    }
}
