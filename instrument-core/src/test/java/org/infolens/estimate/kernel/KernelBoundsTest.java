package org.infolens.estimate.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.infolens.data.Activations;
import org.infolens.data.Probe;
import org.infolens.estimate.EstimatorContract;
import org.infolens.estimate.TestData;
import org.infolens.measure.Estimate;
import org.infolens.measure.Measure;
import org.junit.jupiter.api.Test;

/** The upper bound; {@link Lower} runs the kit on the lower bound. */
class KernelBoundsTest extends EstimatorContract {

    static final double EXACT = 1e-9;

    KernelBounds.Bound bound() {
        return KernelBounds.Bound.UPPER;
    }

    @Override
    protected Measure measure() {
        return KernelBounds.fixed(bound(), 0.1);
    }

    @Override
    protected TestData.Case ordinaryData() {
        return tanhLayer(300, 5, 1);
    }

    static TestData.Case tanhLayer(int n, int d, long seed) {
        Random rnd = new Random(seed);
        double[][] t = new double[n][d];
        for (double[] row : t) {
            for (int j = 0; j < d; j++) {
                row[j] = Math.tanh(rnd.nextGaussian());
            }
        }
        return new TestData.Case(Activations.ofRows(t), Probe.of(TestData.uniformLabels(n, 3, seed)));
    }

    /** n points on a line, 10 apart: far beyond the kernel width sqrt(8 s2) ~ 0.9, labels = position mod 4. */
    static TestData.Case separated(int n) {
        double[][] t = new double[n][2];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            t[i][0] = 10 * i;
            t[i][1] = -3;
            y[i] = i % 4;
        }
        return new TestData.Case(Activations.ofRows(t), Probe.of(y));
    }

    /** Separated points: each kernel sees only itself, I(X;T) = log2 N and I(T;Y) = H(Y); one point repeated: 0. */
    @Override
    protected List<ClosedForm> closedForms() {
        int n = 64;
        TestData.Case far = separated(n);
        TestData.Case same = new TestData.Case(Activations.wrap(new float[2 * n], n, 2), Probe.of(TestData.uniformLabels(n, 3, 9)));
        return List.of(
                new ClosedForm("separated points: I(X;T) = log2 N", () -> far, "I_XT", Math.log(n) / LN2, EXACT),
                new ClosedForm("separated points: I(T;Y) = H(Y)", () -> far, "I_TY", 2.0, EXACT),
                new ClosedForm("identical points: I(X;T) = 0", () -> same, "I_XT", 0, EXACT),
                new ClosedForm("identical points: I(T;Y) = 0", () -> same, "I_TY", 0, EXACT));
    }

    @Test
    void lowerBoundNeverExceedsUpperBound() {
        for (long seed = 1; seed <= 5; seed++) {
            TestData.Case c = tanhLayer(400, 1 + (int) seed, seed);
            for (double s2 : new double[] {1e-3, 0.1, 1}) {
                Estimate upper = estimate(KernelBounds.fixed(KernelBounds.Bound.UPPER, s2), c);
                Estimate lower = estimate(KernelBounds.fixed(KernelBounds.Bound.LOWER, s2), c);
                assertTrue(lower.value("I_XT") <= upper.value("I_XT") + EXACT);
                assertTrue(lower.value("H_T") <= upper.value("H_T") + EXACT);
            }
        }
    }

    @Test
    void rotatingAndTranslatingTheLayerChangesNothing() {
        TestData.Case c = tanhLayer(300, 2, 7);
        float[] moved = new float[c.t().size()];
        double angle = 0.7;
        for (int r = 0; r < c.t().rows(); r++) {
            double a = c.t().get(r, 0);
            double b = c.t().get(r, 1);
            moved[2 * r] = (float) (Math.cos(angle) * a - Math.sin(angle) * b + 5);
            moved[2 * r + 1] = (float) (Math.sin(angle) * a + Math.cos(angle) * b - 2);
        }
        Estimate e = estimate(measure(), c);
        Estimate m = estimate(measure(), new TestData.Case(Activations.wrap(moved, c.t().rows(), 2), c.probe()));
        for (String k : List.of("H_T", "I_XT", "I_TY")) {
            assertEquals(e.value(k), m.value(k), 1e-5, k); // exact but for float32 rounding of the moved points
        }
    }

    @Test
    void adaptiveVarianceFollowsTheLayerScaleAndIsRecorded() {
        TestData.Case c = tanhLayer(200, 3, 8);
        double maxAbs = Math.max(Math.abs(c.t().min()), Math.abs(c.t().max()));
        Estimate adaptive = estimate(KernelBounds.adaptive(bound(), 0.1), c);
        assertEquals(0.1 * maxAbs, (double) adaptive.layerParameters().get("noiseVariance"), 1e-12);
        assertEquals(estimate(KernelBounds.fixed(bound(), 0.1 * maxAbs), c).values(), adaptive.values());
        TestData.Case zeros = new TestData.Case(Activations.wrap(new float[30], 10, 3), Probe.of(new int[10]));
        assertThrows(IllegalArgumentException.class, () -> estimate(KernelBounds.adaptive(bound(), 0.1), zeros));
        assertThrows(IllegalArgumentException.class, () -> KernelBounds.fixed(bound(), 0));
    }

    static class Lower extends KernelBoundsTest {
        @Override
        KernelBounds.Bound bound() {
            return KernelBounds.Bound.LOWER;
        }
    }
}
