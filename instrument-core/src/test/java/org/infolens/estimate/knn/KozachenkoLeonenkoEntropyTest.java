package org.infolens.estimate.knn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.infolens.data.Activations;
import org.infolens.data.Probe;
import org.infolens.estimate.EstimatorContract;
import org.infolens.estimate.TestData;
import org.infolens.measure.Measure;
import org.junit.jupiter.api.Test;

class KozachenkoLeonenkoEntropyTest extends EstimatorContract {

    @Override
    protected Measure measure() {
        return new KozachenkoLeonenkoEntropy(KnnSettings.defaults());
    }

    @Override
    protected TestData.Case ordinaryData() {
        return gaussian(500, 3, 1.0, 1);
    }

    @Override
    protected TestData.Case tooSmall() {
        return gaussian(3, 2, 1.0, 2); // N <= k = 3
    }

    static TestData.Case gaussian(int n, int d, double sigma, long seed) {
        double[][] cov = new double[d][d];
        for (int i = 0; i < d; i++) {
            cov[i][i] = sigma * sigma;
        }
        return new TestData.Case(Activations.ofRows(TestData.gaussian(n, cov, seed)), Probe.of(new int[n]));
    }

    static TestData.Case uniform(int n, int d, long seed) {
        Random rnd = new Random(seed);
        double[][] u = new double[n][d];
        for (double[] row : u) {
            for (int j = 0; j < d; j++) {
                row[j] = rnd.nextDouble();
            }
        }
        return new TestData.Case(Activations.ofRows(u), Probe.of(new int[n]));
    }

    /**
     * Gaussian and uniform entropies at N = 5000, k = 3. Tolerance 0.05 nats: about three standard
     * errors of the estimator at this N, plus the known O(N^(-1/d)) boundary bias of uniform data.
     */
    @Override
    protected List<ClosedForm> closedForms() {
        double tol = 0.05 / LN2;
        double[][] eye3 = {{4, 0, 0}, {0, 4, 0}, {0, 0, 4}};
        return List.of(
                new ClosedForm("Gaussian d=1, sd 1", () -> gaussian(5000, 1, 1, 3), "H_T",
                        TestData.gaussianEntropyNats(new double[][] {{1}}) / LN2, tol),
                new ClosedForm("Gaussian d=3, sd 2", () -> gaussian(5000, 3, 2, 4), "H_T", TestData.gaussianEntropyNats(eye3) / LN2, tol),
                new ClosedForm("uniform on [0,1]^2: H = 0", () -> uniform(5000, 2, 5), "H_T", 0, tol));
    }

    @Test
    void euclideanNormGivesTheSameEntropy() {
        double[][] eye3 = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        KozachenkoLeonenkoEntropy euclidean = new KozachenkoLeonenkoEntropy(new KnnSettings(3, Norm.EUCLIDEAN, 1e-10, 0));
        assertEquals(TestData.gaussianEntropyNats(eye3) / LN2, estimate(euclidean, gaussian(5000, 3, 1, 6)).value("H_T"), 0.05 / LN2);
    }

    @Test
    void scalingShiftsTheEntropyByDLogA() {
        TestData.Case c = gaussian(2000, 4, 1, 7);
        double a = 3.5;
        float[] v = new float[c.t().size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (c.t().getFlat(i) * a);
        }
        TestData.Case scaled = new TestData.Case(Activations.wrap(v, c.t().rows(), 4), c.probe());
        double h = estimate(measure(), c).value("H_T");
        double hs = estimate(measure(), scaled).value("H_T");
        assertEquals(h + 4 * Math.log(a) / LN2, hs, 1e-6); // exact but for float32 rounding of a*t
    }

    @Test
    void repeatedPointsNeedJitter() {
        float[] same = new float[40];
        TestData.Case ties = new TestData.Case(Activations.wrap(same, 20, 2), Probe.of(new int[20]));
        KozachenkoLeonenkoEntropy noJitter = new KozachenkoLeonenkoEntropy(new KnnSettings(3, Norm.MAX, 0, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> estimate(noJitter, ties));
        assertTrue(e.getMessage().contains("jitter"), e.getMessage());
        assertTrue(Double.isFinite(estimate(measure(), ties).value("H_T")), "the default jitter separates them");
    }
}
