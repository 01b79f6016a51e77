package org.infolens.estimate.knn;

/**
 * Exact neighbour queries over a fixed point set, each point querying the others (itself excluded).
 * A k-d tree for few dimensions, per-coordinate bin bitmaps for many (where trees prune nothing).
 */
public interface NeighbourSearch {

    /** Above this many dimensions the bitmap search beats a k-d tree. */
    int TREE_MAX_DIMS = 10;

    /** The search suited to this point set's dimension. */
    static NeighbourSearch over(PointSet points, Norm norm) {
        return points.dims() <= TREE_MAX_DIMS ? new KdTree(points, norm) : new CoordinateBitmapSearch(points, norm);
    }

    /** For every point, the distance to its k-th nearest other point (k >= 1). */
    double[] kthNeighbourDistances(int k);

    /** For every point, the distances to its 1st..k-th nearest other points, ascending. */
    double[][] neighbourDistances(int k);

    /** For every point, the indices of its k nearest other points, nearest first. */
    int[][] nearestNeighbours(int k);

    /**
     * For every point i, the number of other points j with distance(i, j) {@code < radii[i]}
     * ({@code strict}) or {@code <= radii[i]}.
     */
    int[] countWithin(double[] radii, boolean strict);
}
