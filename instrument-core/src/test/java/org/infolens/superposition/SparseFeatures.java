package org.infolens.superposition;

import java.util.Random;
import org.infolens.data.Activations;

/**
 * Data with a known number of features: each row is one of k unit directions, chosen uniformly, times
 * a magnitude U[0.5, 1.5]. For k <= width the directions are orthonormal (a random rotation of the
 * first k axes of R^width); for k > width they are random unit vectors, in superposition. A sparse
 * autoencoder that finds them spreads its L1 mass evenly over k features: F = k.
 */
final class SparseFeatures {

    private SparseFeatures() {
    }

    static Activations rows(int n, int k, int width, long seed) {
        Random rnd = new Random(seed);
        double[][] directions = k <= width ? orthonormal(k, width, rnd) : randomUnit(k, width, rnd);
        double[][] rows = new double[n][];
        for (int r = 0; r < n; r++) {
            double[] d = directions[rnd.nextInt(k)];
            double magnitude = 0.5 + rnd.nextDouble();
            rows[r] = new double[width];
            for (int j = 0; j < width; j++) {
                rows[r][j] = magnitude * d[j];
            }
        }
        return Activations.ofRows(rows);
    }

    /** k Gaussian draws normalised to unit length: directions in general position, none a combination of few others. */
    private static double[][] randomUnit(int k, int width, Random rnd) {
        double[][] q = new double[k][width];
        for (double[] v : q) {
            double norm = 0;
            for (int j = 0; j < width; j++) {
                v[j] = rnd.nextGaussian();
                norm += v[j] * v[j];
            }
            for (int j = 0; j < width; j++) {
                v[j] /= Math.sqrt(norm);
            }
        }
        return q;
    }

    /** k orthonormal vectors of R^width by Gram-Schmidt on Gaussian draws. */
    private static double[][] orthonormal(int k, int width, Random rnd) {
        double[][] q = new double[k][width];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < width; j++) {
                q[i][j] = rnd.nextGaussian();
            }
            for (int p = 0; p < i; p++) {
                double dot = 0;
                for (int j = 0; j < width; j++) {
                    dot += q[i][j] * q[p][j];
                }
                for (int j = 0; j < width; j++) {
                    q[i][j] -= dot * q[p][j];
                }
            }
            double norm = 0;
            for (int j = 0; j < width; j++) {
                norm += q[i][j] * q[i][j];
            }
            for (int j = 0; j < width; j++) {
                q[i][j] /= Math.sqrt(norm);
            }
        }
        return q;
    }
}
