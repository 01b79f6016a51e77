package org.infolens.estimate.lossy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.infolens.data.Activations;
import org.infolens.data.Probe;
import org.infolens.estimate.EstimatorContract;
import org.infolens.estimate.TestData;
import org.infolens.measure.Estimate;
import org.infolens.measure.Measure;
import org.infolens.numeric.Pca;
import org.junit.jupiter.api.Test;

class LossyCompressionMITest extends EstimatorContract {

    @Override
    protected Measure measure() {
        return LossyCompressionMI.builder().inputCompression(LossyCompressionMI.InputCompression.PCA, 4).build();
    }

    @Override
    protected TestData.Case ordinaryData() {
        Random rnd = new Random(1);
        double[][] x = new double[300][8];
        double[][] t = new double[300][6];
        for (int i = 0; i < 300; i++) {
            for (int j = 0; j < 8; j++) {
                x[i][j] = rnd.nextGaussian();
            }
            for (int j = 0; j < 6; j++) {
                t[i][j] = Math.tanh(x[i][j] + 0.5 * x[i][j + 2]);
            }
        }
        return new TestData.Case(Activations.ofRows(t), Probe.of(TestData.uniformLabels(300, 3, 2)).withInputs(Activations.ofRows(x)));
    }

    /**
     * Jointly Gaussian X and T of 2 dimensions each (nothing to compress): the codes' MI is the
     * Gaussian MI; well-separated classes: I(T;Y) = H(Y). N = 5000; tolerance 0.06 nats, about three
     * standard errors of the plain (k = 1) estimates this dimension calls for.
     */
    @Override
    protected List<ClosedForm> closedForms() {
        double[][] cov = TestData.equicorrelated(4, 0.6);
        double tol = 0.06 / LN2;
        return List.of(
                new ClosedForm("Gaussian X, T (2 + 2 dims)", () -> swapped(TestData.gaussianPair(5000, cov, 2, 3)), "I_XT",
                        TestData.gaussianMutualInformationNats(cov, 2) / LN2, tol),
                new ClosedForm("separated classes: I(T;Y) = H(Y)", () -> separated(5000, 4), "I_TY", 2.0, tol));
    }

    /** gaussianPair puts Z in the inputs, which is what lossy needs; labels all 0 are fine here. */
    private static TestData.Case swapped(TestData.Case c) {
        return c;
    }

    static TestData.Case separated(int n, long seed) {
        Random rnd = new Random(seed);
        int[] y = new int[n];
        double[][] t = new double[n][6];
        for (int i = 0; i < n; i++) {
            y[i] = i % 4;
            for (int j = 0; j < 6; j++) {
                t[i][j] = (j == y[i] ? 40 : 0) + rnd.nextGaussian();
            }
        }
        return new TestData.Case(Activations.ofRows(t), Probe.of(y));
    }

    @Test
    void constantLayerCarriesNothing() {
        TestData.Case c = ordinaryData();
        Estimate e = estimate(measure(), new TestData.Case(Activations.wrap(new float[300 * 3], 300, 3), c.probe()));
        assertEquals(0.0, e.value("I_XT"));
        assertEquals(0.0, e.value("I_TY"));
        assertEquals(true, e.details().get("constant"));
    }

    @Test
    void inputsAreCompressedOnceAndTheChoiceIsRecorded() {
        LossyCompressionMI m = LossyCompressionMI.builder().autoencoder(5, 16).build();
        TestData.Case c = ordinaryData();
        Estimate first = estimate(m, c);
        assertEquals(4, first.details().get("inputCodeDims"));
        assertEquals("autoencoder", m.parameters().get("inputCompression"));
        assertEquals(first.values(), estimate(m, c).values(), "the second epoch reuses the codes");
    }

    @Test
    void autoencoderRecoversTwoLatentFactorsInEightDimensions() {
        Random rnd = new Random(8);
        double[][] x = new double[1000][8];
        for (double[] row : x) {
            double a = rnd.nextGaussian();
            double b = rnd.nextGaussian();
            for (int j = 0; j < 8; j++) {
                row[j] = Math.tanh((j % 2 == 0 ? a : b) * (1 + 0.1 * j)) + 0.05 * rnd.nextGaussian();
            }
        }
        Autoencoder ae = Autoencoder.train(Activations.ofRows(x), 4, 32, 60, 1);
        assertTrue(ae.finalLoss() < 0.1, "standardised reconstruction error " + ae.finalLoss()); // 1.0 = predicting the mean
        assertArrayEquals(ae.encode(Activations.ofRows(x)), Autoencoder.train(Activations.ofRows(x), 4, 32, 60, 1).encode(Activations.ofRows(x)),
                1e-12, "seeded: the same codes twice");
    }

    @Test
    void weightsCancelTheLeadingBiasTerms() {
        for (int d : new int[] {5, 8, 12}) {
            double[] w = org.infolens.estimate.knn.WeightedKozachenkoLeonenkoAccess.weights(5, d);
            double sum = 0;
            for (double x : w) {
                sum += x;
            }
            assertEquals(1.0, sum, 1e-9, "d = " + d); // a small, ill-conditioned least-norm system
            for (int l = 1; l <= d / 4; l++) {
                double c = 0;
                for (int j = 1; j <= 5; j++) {
                    c += w[j - 1] * Math.exp(org.infolens.numeric.SpecialFunctions.lnGamma(j + 2.0 * l / d)
                            - org.infolens.numeric.SpecialFunctions.lnGamma(j));
                }
                assertEquals(0.0, c, 1e-10, "constraint l = " + l + ", d = " + d);
            }
        }
        assertArrayEquals(new double[] {0, 0, 1}, org.infolens.estimate.knn.WeightedKozachenkoLeonenkoAccess.weights(3, 3), 0.0);
    }

    @Test
    void pcaFindsTheDirectionsOfLargestVariance() {
        Random rnd = new Random(5);
        double[][] rows = new double[2000][3];
        for (double[] r : rows) {
            double a = 5 * rnd.nextGaussian();
            double b = 0.5 * rnd.nextGaussian();
            r[0] = (a + b) / Math.sqrt(2); // main axis (1, 1, 0) / sqrt 2
            r[1] = (a - b) / Math.sqrt(2);
            r[2] = 0.01 * rnd.nextGaussian();
        }
        Pca pca = Pca.fit(Activations.ofRows(rows), 2);
        double[] codes = pca.project(Activations.ofRows(rows));
        double v0 = 0;
        double v1 = 0;
        for (int i = 0; i < 2000; i++) {
            v0 += codes[2 * i] * codes[2 * i] / 2000;
            v1 += codes[2 * i + 1] * codes[2 * i + 1] / 2000;
        }
        assertEquals(25, v0, 2.0);
        assertEquals(0.25, v1, 0.03);
    }
}
