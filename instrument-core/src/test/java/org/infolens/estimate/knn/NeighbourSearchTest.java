package org.infolens.estimate.knn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Both searches (k-d tree, coordinate bitmaps) against distances to every other point, sorted. */
class NeighbourSearchTest {

    /**
     * Points with a share of repeated values (saturated units) and one far outlier: the k-th
     * distances, neighbour lists and counts within radii (strict and not, radii equal to distances
     * that occur) must be exactly those of the direct computation.
     */
    @ParameterizedTest(name = "{0} n={1} d={2} k={3}")
    @CsvSource({
        "MAX, 700, 3, 4", "EUCLIDEAN, 700, 3, 4",
        "MAX, 700, 20, 3", "EUCLIDEAN, 700, 20, 3",
        "MAX, 130, 50, 1", "EUCLIDEAN, 130, 50, 5",
        "MAX, 333, 12, 7"})
    void everySearchFindsWhatTheDirectComputationFinds(Norm norm, int n, int d, int k) {
        Random rnd = new Random(n * 31L + d);
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextInt(4) == 0 ? 1.0 : (float) Math.tanh(1.5 * rnd.nextGaussian());
        }
        Arrays.fill(x, 0, d, 40.0); // an outlier, far from everything
        System.arraycopy(x, d, x, 2 * d, d); // two identical points
        PointSet points = PointSet.ofRows(x, n, d);
        double[][] sorted = new double[n][];
        double[] expectedKth = new double[n];
        for (int i = 0; i < n; i++) {
            double[] row = new double[n - 1];
            for (int j = 0, m = 0; j < n; j++) {
                if (j != i) {
                    row[m++] = distance(x, d, i, j, norm);
                }
            }
            Arrays.sort(row);
            sorted[i] = Arrays.copyOf(row, k);
            expectedKth[i] = row[k - 1];
        }
        for (NeighbourSearch search : new NeighbourSearch[] {new KdTree(points, norm), new CoordinateBitmapSearch(points, norm)}) {
            String name = search.getClass().getSimpleName();
            assertArrayEquals(expectedKth, search.kthNeighbourDistances(k), 0, name);
            double[][] found = search.neighbourDistances(k);
            int[][] neighbours = search.nearestNeighbours(k);
            for (int i = 0; i < n; i++) {
                assertArrayEquals(sorted[i], found[i], 0, name + " point " + i);
                for (int m = 0; m < k; m++) {
                    assertArrayEquals(new double[] {sorted[i][m]}, new double[] {distance(x, d, i, neighbours[i][m], norm)}, 0, name);
                }
            }
            for (boolean strict : new boolean[] {true, false}) {
                int[] expected = new int[n];
                for (int i = 0; i < n; i++) {
                    double r = Knn.toComparable(expectedKth[i], norm == Norm.MAX);
                    for (int j = 0; j < n; j++) {
                        double dist = comparable(x, d, i, j, norm);
                        expected[i] += j != i && (strict ? dist < r : dist <= r) ? 1 : 0;
                    }
                }
                assertArrayEquals(expected, search.countWithin(expectedKth, strict), name + (strict ? " strict" : ""));
            }
        }
    }

    private static double distance(double[] x, int d, int a, int b, Norm norm) {
        return Knn.toDistance(comparable(x, d, a, b, norm), norm == Norm.MAX);
    }

    /** The distance, squared for Euclidean (as searches and the reference's tree compare radii). */
    private static double comparable(double[] x, int d, int a, int b, Norm norm) {
        double acc = 0;
        for (int j = 0; j < d; j++) {
            double diff = Math.abs(x[a * d + j] - x[b * d + j]);
            acc = norm == Norm.MAX ? Math.max(acc, diff) : acc + diff * diff;
        }
        return acc;
    }
}
