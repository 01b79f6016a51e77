package org.infolens.estimate.knn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.infolens.data.Activations;
import org.infolens.data.Probe;
import org.infolens.estimate.EstimatorContract;
import org.infolens.estimate.TestData;
import org.infolens.measure.Estimate;
import org.infolens.measure.Measure;
import org.junit.jupiter.api.Test;

class RossMutualInformationTest extends EstimatorContract {

    @Override
    protected Measure measure() {
        return new RossMutualInformation(KnnSettings.defaults());
    }

    @Override
    protected TestData.Case ordinaryData() {
        return mixture(400, 3, 1.0, 1);
    }

    @Override
    protected TestData.Case tooSmall() {
        return new TestData.Case(Activations.wrap(new float[] {0f, 1f, 2f}, 3, 1), Probe.of(new int[] {0, 1, 2}));
    }

    /** d-dimensional T = centre of the class (spacing {@code separation}) + unit Gaussian noise, 4 classes. */
    static TestData.Case mixture(int n, int d, double separation, long seed) {
        Random rnd = new Random(seed);
        int[] y = TestData.uniformLabels(n, 4, seed + 100);
        double[][] t = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                t[i][j] = (j == 0 ? separation * y[i] : 0) + rnd.nextGaussian();
            }
        }
        return new TestData.Case(Activations.ofRows(t), Probe.of(y));
    }

    /** I(T;Y) for T | Y ~ N(+-1, 1), Y fair: H(T) of the mixture by quadrature, minus 1/2 ln(2 pi e). */
    static double binaryMixtureMiNats() {
        double h = 0;
        double step = 1e-4;
        for (double x = -14; x < 14; x += step) {
            double p = 0.5 * (Math.exp(-0.5 * (x - 1) * (x - 1)) + Math.exp(-0.5 * (x + 1) * (x + 1))) / Math.sqrt(2 * Math.PI);
            if (p > 0) {
                h -= p * Math.log(p) * step;
            }
        }
        return h - 0.5 * Math.log(2 * Math.PI * Math.E);
    }

    /**
     * Tolerances at N = 5000, k = 3: 0.03 nats for the Gaussian mixture (about three standard errors),
     * 0.02 nats for independence, 0.01 bits when classes are far apart (then the estimate is
     * psi(N) - mean psi(N_y), within 1/N of H(Y)).
     */
    @Override
    protected List<ClosedForm> closedForms() {
        TestData.Case binary = binaryMixture(5000, 3);
        TestData.Case separated = mixture(5000, 2, 50, 4);
        return List.of(
                new ClosedForm("T | Y ~ N(+-1, 1)", () -> binary, "I_TY", binaryMixtureMiNats() / LN2, 0.03 / LN2),
                new ClosedForm("independent labels", () -> mixture(5000, 3, 0, 5), "I_TY", 0, 0.02 / LN2),
                new ClosedForm("separated classes: H(Y)", () -> separated, "I_TY", TestData.entropyBits(separated.probe().labels()), 0.01));
    }

    static TestData.Case binaryMixture(int n, long seed) {
        Random rnd = new Random(seed);
        int[] y = new int[n];
        double[][] t = new double[n][1];
        for (int i = 0; i < n; i++) {
            y[i] = rnd.nextBoolean() ? 1 : 0;
            t[i][0] = (y[i] == 1 ? 1 : -1) + rnd.nextGaussian();
        }
        return new TestData.Case(Activations.ofRows(t), Probe.of(y));
    }

    @Test
    void singletonClassesAreDroppedAndCounted() {
        TestData.Case c = mixture(300, 2, 3, 6);
        int[] y = c.probe().labels();
        y[0] = 7; // a class of one
        Estimate e = estimate(measure(), new TestData.Case(c.t(), Probe.of(y)));
        assertEquals(299, e.details().get("rowsUsed"));
        assertEquals(1, e.details().get("rowsDropped"));
    }
}
