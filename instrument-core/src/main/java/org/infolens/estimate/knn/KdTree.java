package org.infolens.estimate.knn;

import org.infolens.numeric.Parallel;


/**
 * A k-d tree for few dimensions: nodes split at the median of their widest dimension down to small
 * leaves, each node keeping its bounding box. k-NN queries visit the nearer child first and skip
 * boxes farther than the current k-th best; range counts skip boxes entirely outside the radius and
 * count boxes entirely inside without visiting their points.
 */
final class KdTree implements NeighbourSearch {

    private static final int LEAF = 12;

    private final double[] x;
    private final int n;
    private final int d;
    private final boolean max;
    private final int[] order;    // points, grouped by node
    private final int[] position; // position of each point in order
    // nodes
    private int nodes;
    private int[] from;
    private int[] to;
    private int[] left;           // -1 for a leaf; the right child is left + 1
    private double[] boxMin;
    private double[] boxMax;

    KdTree(PointSet points, Norm norm) {
        this.x = points.raw();
        this.n = points.rows();
        this.d = points.dims();
        this.max = norm == Norm.MAX;
        this.order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int capacity = 2 * Math.max(1, 2 * n / LEAF + 1) + 1;
        this.from = new int[capacity];
        this.to = new int[capacity];
        this.left = new int[capacity];
        this.boxMin = new double[capacity * d];
        this.boxMax = new double[capacity * d];
        build(newNode(0, n));
        this.position = new int[n];
        for (int i = 0; i < n; i++) {
            position[order[i]] = i;
        }
    }

    private int newNode(int lo, int hi) {
        if (nodes == from.length) { // grow (rarely: duplicates make uneven splits)
            int c = from.length * 2;
            from = java.util.Arrays.copyOf(from, c);
            to = java.util.Arrays.copyOf(to, c);
            left = java.util.Arrays.copyOf(left, c);
            boxMin = java.util.Arrays.copyOf(boxMin, c * d);
            boxMax = java.util.Arrays.copyOf(boxMax, c * d);
        }
        int id = nodes++;
        from[id] = lo;
        to[id] = hi;
        left[id] = -1;
        for (int j = 0; j < d; j++) {
            double mn = Double.POSITIVE_INFINITY;
            double mx = Double.NEGATIVE_INFINITY;
            for (int i = lo; i < hi; i++) {
                double v = x[order[i] * d + j];
                mn = Math.min(mn, v);
                mx = Math.max(mx, v);
            }
            boxMin[id * d + j] = mn;
            boxMax[id * d + j] = mx;
        }
        return id;
    }

    private void build(int node) {
        int lo = from[node];
        int hi = to[node];
        if (hi - lo <= LEAF) {
            return;
        }
        int dim = 0;
        double spread = -1;
        for (int j = 0; j < d; j++) {
            double s = boxMax[node * d + j] - boxMin[node * d + j];
            if (s > spread) {
                spread = s;
                dim = j;
            }
        }
        if (spread <= 0) {
            return; // all points equal: one leaf
        }
        int mid = (lo + hi) >>> 1;
        select(lo, hi - 1, mid, dim);
        int l = newNode(lo, mid);
        int r = newNode(mid, hi);
        left[node] = l;
        if (r != l + 1) {
            throw new IllegalStateException("k-d tree children must be adjacent");
        }
        build(l);
        build(r);
    }

    /** Quickselect: order[k] gets the point of rank k - lo in dimension dim within [lo, hi]. */
    private void select(int lo, int hi, int k, int dim) {
        while (hi > lo) {
            double pivot = x[order[(lo + hi) >>> 1] * d + dim];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (x[order[i] * d + dim] < pivot) {
                    i++;
                }
                while (x[order[j] * d + dim] > pivot) {
                    j--;
                }
                if (i <= j) {
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    /** Comparable distance between point a and point b. */
    private double distance(int a, int b) {
        int pa = a * d;
        int pb = b * d;
        double acc = 0;
        for (int j = 0; j < d; j++) {
            double diff = x[pa + j] - x[pb + j];
            acc = max ? Math.max(acc, Math.abs(diff)) : acc + diff * diff;
        }
        return acc;
    }

    /** Comparable distance from point q to the nearest (far = false) or farthest (far = true) point of a node's box. */
    private double boxDistance(int q, int node, boolean far) {
        int pq = q * d;
        int pb = node * d;
        double acc = 0;
        for (int j = 0; j < d; j++) {
            double v = x[pq + j];
            double below = boxMin[pb + j] - v;
            double above = v - boxMax[pb + j];
            double gap = far ? Math.max(-below, -above) : Math.max(0, Math.max(below, above));
            acc = max ? Math.max(acc, gap) : acc + gap * gap;
        }
        return acc;
    }

    private void nearest(int node, int q, TopK top) {
        if (left[node] < 0) {
            for (int i = from[node]; i < to[node]; i++) {
                int p = order[i];
                if (p != q) {
                    top.offer(distance(q, p), p);
                }
            }
            return;
        }
        int a = left[node];
        int b = a + 1;
        double da = boxDistance(q, a, false);
        double db = boxDistance(q, b, false);
        if (db < da) {
            int t = a;
            a = b;
            b = t;
            double td = da;
            da = db;
            db = td;
        }
        if (da < top.worst()) {
            nearest(a, q, top);
        }
        if (db < top.worst()) {
            nearest(b, q, top);
        }
    }

    private int count(int node, int q, double r, boolean strict) {
        double near = boxDistance(q, node, false);
        if (strict ? near >= r : near > r) {
            return 0;
        }
        double far = boxDistance(q, node, true);
        if (strict ? far < r : far <= r) {
            int all = to[node] - from[node];
            int self = position[q] >= from[node] && position[q] < to[node] ? 1 : 0;
            return all - self;
        }
        if (left[node] < 0) {
            int c = 0;
            for (int i = from[node]; i < to[node]; i++) {
                int p = order[i];
                if (p != q) {
                    double dist = distance(q, p);
                    c += (strict ? dist < r : dist <= r) ? 1 : 0;
                }
            }
            return c;
        }
        return count(left[node], q, r, strict) + count(left[node] + 1, q, r, strict);
    }

    @Override
    public double[] kthNeighbourDistances(int k) {
        Knn.checkK(k, n);
        double[] out = new double[n];
        Parallel.forChunks(n, Parallel.chunks(n, (long) n * 64), (chunk, lo, hi) -> {
            TopK top = new TopK(k);
            for (int q = lo; q < hi; q++) {
                top.reset();
                nearest(0, q, top);
                out[q] = Knn.toDistance(top.worst(), max);
            }
        });
        return out;
    }

    @Override
    public int[][] nearestNeighbours(int k) {
        Knn.checkK(k, n);
        int[][] out = new int[n][];
        Parallel.forChunks(n, Parallel.chunks(n, (long) n * 64), (chunk, lo, hi) -> {
            TopK top = new TopK(k);
            for (int q = lo; q < hi; q++) {
                top.reset();
                nearest(0, q, top);
                out[q] = top.point.clone();
            }
        });
        return out;
    }

    @Override
    public double[][] neighbourDistances(int k) {
        Knn.checkK(k, n);
        double[][] out = new double[n][];
        Parallel.forChunks(n, Parallel.chunks(n, (long) n * 64), (chunk, lo, hi) -> {
            TopK top = new TopK(k);
            for (int q = lo; q < hi; q++) {
                top.reset();
                nearest(0, q, top);
                out[q] = Knn.toDistances(top.distance, max);
            }
        });
        return out;
    }

    @Override
    public int[] countWithin(double[] radii, boolean strict) {
        int[] out = new int[n];
        Parallel.forChunks(n, Parallel.chunks(n, (long) n * 64), (chunk, lo, hi) -> {
            for (int q = lo; q < hi; q++) {
                out[q] = count(0, q, Knn.toComparable(radii[q], max), strict);
            }
        });
        return out;
    }
}
