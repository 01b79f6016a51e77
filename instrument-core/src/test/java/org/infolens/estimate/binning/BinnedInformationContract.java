package org.infolens.estimate.binning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.List;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.Probe;
import org.infolens.estimate.EstimatorContract;
import org.infolens.estimate.TestData;
import org.infolens.measure.Estimate;
import org.junit.jupiter.api.Test;

/**
 * What every binning edge strategy must satisfy: closed forms that follow from plug-in entropies of
 * joint patterns, and the information inequalities. Each strategy's test extends this and supplies
 * the measure plus activations its bins resolve.
 */
abstract class BinnedInformationContract extends EstimatorContract {

    static final double EXACT = 1e-12;
    static final double LOG2 = Math.log(2);

    /** The measure under test, configured so that values in [-1, 1] spaced 0.25 apart fall in different bins. */
    @Override
    protected abstract BinnedInformation measure();

    @Override
    protected TestData.Case ordinaryData() {
        Random rnd = new Random(9);
        double[][] t = new double[300][4];
        for (double[] row : t) {
            for (int j = 0; j < 4; j++) {
                row[j] = squash(rnd.nextGaussian());
            }
        }
        return new TestData.Case(Activations.ofRows(t), Probe.of(labels(300, 3, rnd)));
    }

    /** Injective layer on distinct inputs: I(X;T) = H(T) = log2 N; constant layer: 0; T = Y: I(T;Y) = H(Y). */
    @Override
    protected List<ClosedForm> closedForms() {
        int n = 81; // 9 levels per unit, 2 units: 81 distinct patterns for 81 distinct inputs
        double[][] grid = new double[n][2];
        for (int i = 0; i < n; i++) {
            grid[i][0] = -1 + 0.25 * (i % 9);
            grid[i][1] = -1 + 0.25 * (i / 9);
        }
        TestData.Case injective = new TestData.Case(Activations.ofRows(grid), Probe.of(labels(n, 3, new Random(1))));
        double[][] constant = new double[50][3];
        for (double[] row : constant) {
            java.util.Arrays.fill(row, squash(0.3));
        }
        TestData.Case flat = new TestData.Case(Activations.ofRows(constant), Probe.of(labels(50, 4, new Random(2))));
        int[] y = labels(400, 5, new Random(3));
        double[][] isLabel = new double[400][1];
        for (int i = 0; i < 400; i++) {
            isLabel[i][0] = -1 + 0.25 * y[i] + 0.01; // one bin per class
        }
        TestData.Case labelLayer = new TestData.Case(Activations.ofRows(isLabel), Probe.of(y));
        return List.of(
                new ClosedForm("injective layer: I(X;T) = log2 N", () -> injective, "I_XT", log2(n), EXACT),
                new ClosedForm("injective layer: H(T) = log2 N", () -> injective, "H_T", log2(n), EXACT),
                new ClosedForm("constant layer: H(T) = 0", () -> flat, "H_T", 0, EXACT),
                new ClosedForm("constant layer: I(X;T) = 0", () -> flat, "I_XT", 0, EXACT),
                new ClosedForm("constant layer: I(T;Y) = 0", () -> flat, "I_TY", 0, EXACT),
                new ClosedForm("T = Y: I(T;Y) = H(Y)", () -> labelLayer, "I_TY", entropyBits(y), EXACT),
                new ClosedForm("T = Y: H(T) = H(Y)", () -> labelLayer, "H_T", entropyBits(y), EXACT));
    }

    /** Activations bounded the way the strategy expects (tanh-like unless overridden). */
    double squash(double z) {
        return Math.tanh(z);
    }

    Estimate estimate(double[][] t, Probe probe) {
        return estimate(measure(), new TestData.Case(Activations.ofRows(t), probe));
    }

    /** Every value's bin, row-major. */
    static int[] binAll(Discretizer d, LayerId layer, Activations a) {
        LayerBinning b = d.prepare(layer, a);
        int[] s = new int[a.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = b.bin(a.getFlat(i));
        }
        return s;
    }

    static double log2(double x) {
        return Math.log(x) / LOG2;
    }

    static int[] labels(int n, int classes, Random rnd) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rnd.nextInt(classes);
        }
        return y;
    }

    static double entropyBits(int[] symbols) {
        return TestData.entropyBits(symbols);
    }

    @Test
    void repeatedInputsUseTheConditionalEntropyGivenX() {
        // 4 inputs, each shown 4 times; the layer answers input 0 with two different patterns (a noisy
        // channel), the others deterministically. H(T|X) = p(x=0) * 1 bit = 1/4 bit.
        int[] ids = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3};
        double[] level = {-0.74, -0.74, -0.24, -0.24, 0.26, 0.26, 0.26, 0.26, 0.51, 0.51, 0.51, 0.51, 0.76, 0.76, 0.76, 0.76};
        double[][] t = new double[16][1];
        for (int i = 0; i < 16; i++) {
            t[i][0] = level[i];
        }
        int[] y = {0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1};
        Estimate e = estimate(t, Probe.of(y, ids));
        double hT = -(2 * (2 / 16.0) * log2(2 / 16.0) + 3 * (4 / 16.0) * log2(4 / 16.0));
        assertEquals(hT, e.value("H_T"), EXACT);
        assertEquals(hT - 0.25, e.value("I_XT"), EXACT);
        // the same activations with every row treated as its own input: no conditional term
        Estimate distinct = estimate(t, Probe.of(y));
        assertEquals(hT, distinct.value("I_XT"), EXACT);
    }

    @Test
    void informationInequalitiesHoldOnRandomLayers() {
        Random rnd = new Random(4);
        for (int trial = 0; trial < 20; trial++) {
            int n = 50 + rnd.nextInt(300);
            int d = 1 + rnd.nextInt(6);
            double scale = 0.2 + 2 * rnd.nextDouble();
            double[][] t = new double[n][d];
            for (double[] row : t) {
                for (int j = 0; j < d; j++) {
                    row[j] = squash(scale * rnd.nextGaussian());
                }
            }
            int[] y = labels(n, 2 + rnd.nextInt(8), rnd);
            int[] ids = new int[n];
            for (int i = 0; i < n; i++) {
                ids[i] = rnd.nextInt(n); // some inputs repeat
            }
            Estimate e = estimate(t, Probe.of(y, ids));
            double hY = entropyBits(y);
            double iXT = e.value("I_XT");
            double iTY = e.value("I_TY");
            assertTrue(iTY >= -EXACT && iTY <= hY + EXACT, "0 <= I(T;Y) <= H(Y): " + iTY + " vs " + hY);
            assertTrue(iXT >= -EXACT && iXT <= log2(n) + EXACT, "0 <= I(X;T) <= log2 N: " + iXT);
            assertTrue(iXT <= e.value("H_T") + EXACT, "I(X;T) <= H(T)");
            assertTrue(iTY <= e.value("H_T") + EXACT, "I(T;Y) <= H(T)");
        }
    }

    @Test
    void unlabelledProbeGivesNoITY() {
        double[][] t = {{0.1}, {0.5}, {0.9}};
        Estimate e = estimate(t, Probe.unlabelled(3, null));
        assertTrue(e.values().containsKey("I_XT"));
        assertTrue(!e.values().containsKey("I_TY"));
    }
}
