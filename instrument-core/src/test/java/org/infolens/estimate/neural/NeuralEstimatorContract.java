package org.infolens.estimate.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.LayerKind;
import org.infolens.estimate.EstimatorCatalog;
import org.infolens.estimate.EstimatorContract;
import org.infolens.estimate.TestData;
import org.infolens.measure.Estimate;
import org.infolens.measure.Measure;
import org.infolens.measure.MeasureSpec;
import org.junit.jupiter.api.Test;

/**
 * The estimator kit for a neural estimator, with closed forms at a small budget: N = 1,000 Gaussian
 * rows (700 to train, 300 held out), at most 30 epochs. Each estimator states its own tolerances;
 * they are what a lower bound reaches at this budget (mostly from below), not what it reaches
 * trained to convergence.
 */
abstract class NeuralEstimatorContract extends EstimatorContract {

    static final int N = 1000;
    static final int EPOCHS = 30;

    /** The family's name in the catalog. */
    abstract String family();

    /** Tolerances (bits) of: bivariate rho = 0.8, independence, 5 x 5 equicorrelated 0.5. */
    abstract double[] tolerancesBits();

    Map<String, Object> settings() {
        return Map.of("maxEpochs", EPOCHS);
    }

    Measure with(Map<String, Object> more) {
        Map<String, Object> p = new HashMap<>(settings());
        p.putAll(more);
        return EstimatorCatalog.create(new MeasureSpec(family(), p));
    }

    @Override
    protected Measure measure() {
        return with(Map.of());
    }

    /** Quick to estimate: the kit's generic checks estimate on it several times. */
    @Override
    protected TestData.Case ordinaryData() {
        return TestData.gaussianPair(200, TestData.bivariate(0.6), 1, 11);
    }

    @Override
    protected TestData.Case tooSmall() {
        return TestData.gaussianPair(20, TestData.bivariate(0.6), 1, 12); // 6 held out
    }

    @Override
    protected List<ClosedForm> closedForms() {
        double[][] bivariate = TestData.bivariate(0.8);
        double[][] dense = TestData.equicorrelated(10, 0.5);
        double[] tol = tolerancesBits();
        return List.of(
                new ClosedForm("bivariate normal rho = 0.8", () -> TestData.gaussianPair(N, bivariate, 1, 3), "I",
                        TestData.gaussianMutualInformationNats(bivariate, 1) / LN2, tol[0]),
                new ClosedForm("independent normals, 3 x 3", () -> TestData.gaussianPair(N, TestData.equicorrelated(6, 0), 3, 4), "I",
                        0, tol[1]),
                new ClosedForm("5 x 5 multinormal, all correlations 0.5", () -> TestData.gaussianPair(N, dense, 5, 6), "I",
                        TestData.gaussianMutualInformationNats(dense, 5) / LN2, tol[2]));
    }

    static LayerId layer(int width) {
        return new LayerId(0, "neural-layer", width, LayerKind.DENSE, "");
    }

    @Test
    void aConstantLayerCarriesNothingAndSaysSo() {
        TestData.Case c = TestData.gaussianPair(200, TestData.bivariate(0.6), 1, 13);
        Activations constant = Activations.wrap(new double[400], 200, 2);
        Estimate e = measure().estimate(layer(2), constant, c.probe());
        assertEquals(0.0, e.value("I"));
        assertEquals("layer", e.details().get("constant"));
    }

    @Test
    void constantColumnsBesideVaryingOnesAreIgnored() {
        TestData.Case c = TestData.gaussianPair(200, TestData.bivariate(0.6), 1, 14);
        double[] v = new double[600];
        for (int r = 0; r < 200; r++) {
            v[r * 3 + 1] = c.t().get(r, 0);
            v[r * 3 + 2] = 5; // two constant columns around the informative one
        }
        Estimate e = measure().estimate(layer(3), Activations.wrap(v, 200, 3), c.probe());
        assertTrue(Double.isFinite(e.value("I")));
        assertFalse(e.details().containsKey("constant"));
    }

    /** A step size that blows the critic up: a clear error or a record that says it diverged, never an ND4J failure. */
    @Test
    void aDivergingCriticIsAClearErrorOrAFlaggedRecord() {
        Measure m = with(Map.of("learningRate", 1e8, "maxEpochs", 5));
        TestData.Case c = TestData.gaussianPair(300, TestData.bivariate(0.9), 1, 15);
        try {
            Estimate e = m.estimate(layer(1), c.t(), c.probe());
            assertTrue(Double.isFinite(e.value("I")));
            assertTrue(e.details().containsKey("diverged"), e.details().toString());
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("diverged") && e.getMessage().contains("neural-layer"), e.getMessage());
        }
    }

    @Test
    void nonFiniteActivationsAreAnErrorNamingTheLayer() {
        TestData.Case c = TestData.gaussianPair(200, TestData.bivariate(0.6), 1, 16);
        double[] v = c.t().toDoubleArray();
        v[7] = Double.NaN;
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> measure().estimate(layer(1), Activations.wrap(v, 200, 1), c.probe()));
        assertTrue(e.getMessage().contains("neural-layer") && e.getMessage().contains("NaN"), e.getMessage());
    }

    /** The second estimate of a layer starts from the first's critic; another layer starts cold. */
    @Test
    void theNextEpochStartsFromThePreviousCritic() {
        Measure m = with(Map.of("maxEpochs", 5));
        TestData.Case c = TestData.gaussianPair(300, TestData.bivariate(0.7), 1, 17);
        assertEquals(false, m.estimate(layer(1), c.t(), c.probe()).details().get("warmStarted"));
        assertEquals(true, m.estimate(layer(1), c.t(), c.probe()).details().get("warmStarted"));
        Measure cold = with(Map.of("maxEpochs", 5, "warmStart", false));
        cold.estimate(layer(1), c.t(), c.probe());
        assertEquals(false, cold.estimate(layer(1), c.t(), c.probe()).details().get("warmStarted"));
    }

    /**
     * With normal scores the critic sees the same rows whatever monotone map each column went through
     * (a cube, a heavy-tailed sinh): the estimate is the same, to the last bit, as on the raw Gaussians.
     */
    @Test
    void normalScoresMakeTheEstimateBlindToMonotoneMapsOfEachColumn() {
        Measure m = with(Map.of("maxEpochs", 3, "copula", "normal", "warmStart", false));
        TestData.Case c = TestData.gaussianPair(300, TestData.bivariate(0.8), 1, 18);
        double[] mapped = c.t().toDoubleArray();
        for (int r = 0; r < mapped.length; r++) {
            mapped[r] = Math.sinh(2 * mapped[r] * mapped[r] * mapped[r]);
        }
        double onRaw = m.estimate(layer(1), c.t(), c.probe()).value("I");
        double onMapped = m.estimate(layer(1), Activations.wrap(mapped, 300, 1), c.probe()).value("I");
        assertEquals(onRaw, onMapped, 0.0);
        assertTrue(m.label().contains("-normal"), m.label());
    }
}
