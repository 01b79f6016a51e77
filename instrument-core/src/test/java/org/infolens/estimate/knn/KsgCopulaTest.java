package org.infolens.estimate.knn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.LayerKind;
import org.infolens.data.Probe;
import org.infolens.estimate.EstimatorCatalog;
import org.infolens.estimate.TestData;
import org.infolens.measure.Measure;
import org.junit.jupiter.api.Test;

/**
 * KSG's copula option: MI is invariant under strictly increasing maps of each column, and ranks (or
 * their normal scores) are too, so the estimate on transformed data is the estimate on the original;
 * on a Gaussian the normal scores are again (nearly) Gaussian and the closed form is recovered.
 */
class KsgCopulaTest {

    private static final double LN2 = Math.log(2);
    private static final double RHO = 0.8;
    private static final LayerId LAYER = new LayerId(0, "t", 2, LayerKind.DENSE, "tanh");

    /** 2 + 2 dimensional Gaussian, the pairs (T_i, Z_i) correlated RHO; each column passed through its own map. */
    private static double estimate(Measure m, int n, DoubleUnaryOperator onT, DoubleUnaryOperator onZ) {
        double[][] cov = {{1, 0, RHO, 0}, {0, 1, 0, RHO}, {RHO, 0, 1, 0}, {0, RHO, 0, 1}};
        double[][] g = TestData.gaussian(n, cov, 23);
        double[][] t = new double[n][2];
        double[][] z = new double[n][2];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 2; j++) {
                t[i][j] = onT.applyAsDouble(g[i][j]);
                z[i][j] = onZ.applyAsDouble(g[i][2 + j]);
            }
        }
        return m.estimate(LAYER, Activations.ofRows(t), Probe.of(new int[n]).withInputs(Activations.ofRows(z))).value("I");
    }

    private static double truthBits() {
        return -Math.log(1 - RHO * RHO) / LN2; // two independent pairs: 2 x (-1/2 ln(1 - rho^2))
    }

    @Test
    void monotoneMapsOfEachColumnLeaveTheEstimateUnchanged() {
        DoubleUnaryOperator cube = x -> x * x * x;
        DoubleUnaryOperator heavy = x -> Math.sinh(2 * x) + 3;
        for (Copula c : new Copula[] {Copula.RANKS, Copula.NORMAL}) {
            for (int algorithm : new int[] {1, 2}) {
                Measure m = new KsgMutualInformation(KnnSettings.defaults(), algorithm, true, c);
                double plain = estimate(m, 2000, x -> x, x -> x);
                double mapped = estimate(m, 2000, cube, heavy);
                assertEquals(plain, mapped, 1e-12, c + ", algorithm " + algorithm);
            }
        }
    }

    @Test
    void normalScoresRecoverTheGaussianClosedFormWhereTheRawValuesDoNot() {
        double truth = truthBits(); // 1.474 bits
        DoubleUnaryOperator cube = x -> x * x * x;
        DoubleUnaryOperator heavy = x -> Math.sinh(2 * x);
        for (int algorithm : new int[] {1, 2}) {
            Measure copula = EstimatorCatalog.fromSpec("ksg:algorithm=" + algorithm + ",copula=normal");
            double onGaussian = estimate(copula, 5000, x -> x, x -> x);
            assertEquals(truth, onGaussian, 0.06, "normal scores, Gaussian, algorithm " + algorithm);
            double onMapped = estimate(copula, 5000, cube, heavy);
            assertEquals(onGaussian, onMapped, 1e-4); // float32 activations: the maps merge a few close values into ties
            double raw = estimate(new KsgMutualInformation(KnnSettings.defaults(), algorithm), 5000, cube, heavy);
            assertTrue(Math.abs(raw - truth) > 3 * Math.abs(onMapped - truth),
                    "raw " + raw + " against normal scores " + onMapped + ", truth " + truth);
        }
    }

    @Test
    void ranksAreTheColumnsOrderWithTiesSharingTheirMeanRank() {
        PointSet p = PointSet.ofRows(new double[] {5, 0.1, -2, 0.1, 7, 0.1, 5, 9}, 4, 2).copula(Copula.RANKS);
        // column 0: 5, -2, 7, 5 -> 2.5, 1, 4, 2.5; column 1: all 0.1 but the 9 -> 2, 2, 2, 4
        double[] expected = {2.5, 2, 1, 2, 4, 2, 2.5, 4};
        for (int i = 0; i < 8; i++) {
            assertEquals(expected[i], p.get(i / 2, i % 2), 0, "entry " + i);
        }
        PointSet scores = PointSet.ofRows(new double[] {3, 1, 2}, 3, 1).copula(Copula.NORMAL);
        assertEquals(0.6744897501960817, scores.get(0, 0), 1e-8); // Phi^-1(3/4)
        assertEquals(0, scores.get(2, 0), 1e-12);
    }

    @Test
    void theChoiceIsARecordedParameterOffByDefaultAndNamedInTheLabel() {
        Measure plain = EstimatorCatalog.fromSpec("ksg");
        assertEquals("off", plain.parameters().get("copula"));
        assertEquals("ksg1/k3-max", plain.label());
        Measure ranks = EstimatorCatalog.fromSpec("ksg:algorithm=2,copula=ranks");
        assertEquals("ranks", ranks.parameters().get("copula"));
        assertEquals("ksg2/k3-max-ranks", ranks.label());
    }
}
