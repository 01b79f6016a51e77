package org.infolens.estimate.knn;

import java.util.Arrays;

/** The k smallest distances seen so far (with their points), kept sorted: k is small. */
final class TopK {

    final double[] distance; // comparable distances (squared for Euclidean), ascending
    final int[] point;
    private final int k;

    TopK(int k) {
        this.k = k;
        this.distance = new double[k];
        this.point = new int[k];
    }

    void reset() {
        Arrays.fill(distance, Double.POSITIVE_INFINITY);
        Arrays.fill(point, -1);
    }

    /** The k-th smallest so far (+infinity until k were seen): candidates must beat it. */
    double worst() {
        return distance[k - 1];
    }

    void offer(double d, int p) {
        if (d >= distance[k - 1]) {
            return;
        }
        int i = k - 1;
        while (i > 0 && distance[i - 1] > d) {
            distance[i] = distance[i - 1];
            point[i] = point[i - 1];
            i--;
        }
        distance[i] = d;
        point[i] = p;
    }
}
