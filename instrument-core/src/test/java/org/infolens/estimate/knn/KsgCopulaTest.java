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

    /**
     * Every entry against the definition, to the last bit: a finite value's rank is the number of
     * values below it plus the mean of the ranks its ties share, (ties + 1) / 2; -0.0 ties with 0.0;
     * NaNs rank last, in row order. Heavy ties (values rounded to halves) and many rows and columns.
     */
    @Test
    void ranksAndScoresAreTheMeanRankDefinitionToTheLastBit() {
        int rows = 700;
        int dims = 5;
        java.util.Random rnd = new java.util.Random(5);
        double[] x = new double[rows * dims];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < dims; j++) {
                double g = rnd.nextGaussian();
                x[r * dims + j] = switch (j) {
                    case 0 -> g; // no ties
                    case 1 -> Math.rint(2 * g) / 2; // a few dozen levels, heavy ties
                    case 2 -> g < 0 ? -0.0 : g < 0.5 ? 0.0 : g; // a ReLU's zeros, of both signs
                    case 3 -> r % 7 == 3 ? Double.NaN : Math.rint(g);
                    default -> Math.sinh(3 * g);
                };
            }
        }
        for (Copula c : new Copula[] {Copula.RANKS, Copula.NORMAL}) {
            double[] got = c.transform(x, rows, dims);
            for (int j = 0; j < dims; j++) {
                int nans = 0;
                for (int r = 0; r < rows; r++) {
                    double v = x[r * dims + j];
                    int below = 0;
                    int finite = 0;
                    int ties = 0;
                    for (int o = 0; o < rows; o++) {
                        double w = x[o * dims + j];
                        below += w < v ? 1 : 0;
                        ties += w == v ? 1 : 0;
                        finite += Double.isNaN(w) ? 0 : 1;
                    }
                    double rank = Double.isNaN(v) ? finite + ++nans : below + (ties + 1) / 2.0;
                    double expected = c == Copula.RANKS ? rank : org.infolens.numeric.SpecialFunctions.normalQuantile(rank / (rows + 1));
                    assertEquals(expected, got[r * dims + j], 0, c + ", row " + r + ", column " + j + ", value " + v);
                }
            }
        }
    }

    /**
     * The ranks are taken with primitive arrays: the bytes allocated are the result's and a few arrays
     * of one column, not an object per value (a boxed row index each, before).
     */
    @Test
    void rankingAllocatesNoObjectPerValue() {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean b && b.isThreadAllocatedMemorySupported(),
                "a JVM that counts each thread's allocations");
        com.sun.management.ThreadMXBean counter = (com.sun.management.ThreadMXBean) bean;
        int rows = 2000;
        int dims = 40;
        double[] x = new double[rows * dims];
        java.util.Random rnd = new java.util.Random(9);
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextGaussian();
        }
        Copula.NORMAL.transform(x, rows, dims); // classes loaded
        long before = counter.getCurrentThreadAllocatedBytes();
        Copula.NORMAL.transform(x, rows, dims);
        long allocated = counter.getCurrentThreadAllocatedBytes() - before;
        long result = 8L * rows * dims;
        // a boxed index per value would add 16 bytes x 2,000 rows x 40 columns = 1.28 MB on top of the 0.64 MB result
        assertTrue(allocated < result + 64L * rows + 65_536, allocated + " bytes allocated for a result of " + result);
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
