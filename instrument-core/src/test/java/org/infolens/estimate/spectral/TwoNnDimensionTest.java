package org.infolens.estimate.spectral;

import java.util.List;
import java.util.Random;
import org.infolens.data.Activations;
import org.infolens.data.Probe;
import org.infolens.estimate.EstimatorContract;
import org.infolens.estimate.TestData;
import org.infolens.measure.Measure;

class TwoNnDimensionTest extends EstimatorContract {

    @Override
    protected Measure measure() {
        return new TwoNnDimension();
    }

    @Override
    protected TestData.Case ordinaryData() {
        return embeddedCube(500, 3, 8, 1);
    }

    @Override
    protected TestData.Case tooSmall() {
        return embeddedCube(2, 2, 4, 2);
    }

    /** Uniform points of a k-cube, rotated into d dims by a random orthonormal frame (Gram-Schmidt). */
    static TestData.Case embeddedCube(int n, int k, int d, long seed) {
        Random rnd = new Random(seed);
        double[][] frame = new double[k][d];
        for (int a = 0; a < k; a++) {
            for (int j = 0; j < d; j++) {
                frame[a][j] = rnd.nextGaussian();
            }
            for (int b = 0; b < a; b++) {
                double dot = 0;
                for (int j = 0; j < d; j++) {
                    dot += frame[a][j] * frame[b][j];
                }
                for (int j = 0; j < d; j++) {
                    frame[a][j] -= dot * frame[b][j];
                }
            }
            double norm = 0;
            for (int j = 0; j < d; j++) {
                norm += frame[a][j] * frame[a][j];
            }
            for (int j = 0; j < d; j++) {
                frame[a][j] /= Math.sqrt(norm);
            }
        }
        double[][] rows = new double[n][d];
        for (double[] row : rows) {
            for (int a = 0; a < k; a++) {
                double u = rnd.nextDouble();
                for (int j = 0; j < d; j++) {
                    row[j] += u * frame[a][j];
                }
            }
        }
        return new TestData.Case(Activations.ofRows(rows), Probe.of(new int[n]));
    }

    /**
     * The dimension of the manifold, not of the space: a 2-cube and a 5-cube in 10 dimensions, N = 4000.
     * TwoNN is biased low by the cube's boundary at higher k (Facco et al. report about 5 % at d = 5 for
     * this N): tolerances 0.15 and 0.5, averaged over 3 seeds.
     */
    @Override
    protected List<ClosedForm> closedForms() {
        return List.of(
                new ClosedForm("2-cube in 10 dims", seed -> embeddedCube(4000, 2, 10, seed), "twonn_dimension", 2, 0.15, 3),
                new ClosedForm("5-cube in 10 dims", seed -> embeddedCube(4000, 5, 10, seed), "twonn_dimension", 5, 0.5, 3));
    }
}
