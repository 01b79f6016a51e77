package org.infolens.estimate.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.infolens.data.Activations;
import org.infolens.data.Probe;
import org.infolens.estimate.EstimatorCatalog;
import org.infolens.estimate.EstimatorContract;
import org.infolens.estimate.TestData;
import org.infolens.measure.Estimate;
import org.infolens.measure.Measure;
import org.infolens.measure.MeasureSpec;
import org.junit.jupiter.api.Test;

/**
 * The kit on latent MI at a small budget (N = 1,000: 500 rows train the autoencoders for 20 epochs,
 * KSG on the other 500). Tolerances are its errors there with a margin.
 */
class LatentMutualInformationTest extends EstimatorContract {

    static final int N = 1000;

    static Measure lmi(Map<String, Object> params) {
        return EstimatorCatalog.create(new MeasureSpec("lmi", params));
    }

    @Override
    protected Measure measure() {
        return lmi(Map.of("epochs", 20));
    }

    @Override
    protected TestData.Case ordinaryData() {
        return TestData.gaussianPair(200, TestData.bivariate(0.6), 1, 11);
    }

    @Override
    protected TestData.Case tooSmall() {
        return TestData.gaussianPair(12, TestData.bivariate(0.6), 1, 12);
    }

    @Override
    protected List<ClosedForm> closedForms() {
        double[][] bivariate = TestData.bivariate(0.8);
        double[][] dense = TestData.equicorrelated(10, 0.5);
        return List.of(
                new ClosedForm("bivariate normal rho = 0.8", () -> TestData.gaussianPair(N, bivariate, 1, 3), "I",
                        TestData.gaussianMutualInformationNats(bivariate, 1) / LN2, 0.15),
                new ClosedForm("independent normals, 3 x 3", () -> TestData.gaussianPair(N, TestData.equicorrelated(6, 0), 3, 4), "I",
                        0, 0.1),
                new ClosedForm("5 x 5 multinormal, all correlations 0.5", () -> TestData.gaussianPair(N, dense, 5, 6), "I",
                        TestData.gaussianMutualInformationNats(dense, 5) / LN2, 0.25));
    }

    /**
     * The LMI paper's setting: a correlated pair (x, y) carrying {@code bits}, each side spread over
     * {@code ambient} columns: half of them noisy copies of the intrinsic coordinate (noise sd 0.1 is
     * not part of the truth: copies of x with independent noise leave I(x-copies; y-copies) close to
     * I(x; y) only when the noise is small, so the copies are exact here), half Gaussian nuisance.
     */
    static TestData.Case redundant(int n, double bits, int ambient, long seed) {
        double rho = Math.sqrt(1 - Math.pow(2, -2 * bits));
        Random rnd = new Random(seed);
        double[][] t = new double[n][ambient];
        double[][] z = new double[n][ambient];
        for (int i = 0; i < n; i++) {
            double x = rnd.nextGaussian();
            double y = rho * x + Math.sqrt(1 - rho * rho) * rnd.nextGaussian();
            for (int j = 0; j < ambient; j++) {
                boolean copy = j < ambient / 2;
                t[i][j] = copy ? x * (1 + 0.5 * j / ambient) : rnd.nextGaussian();
                z[i][j] = copy ? y * (1 + 0.5 * j / ambient) : rnd.nextGaussian();
            }
        }
        return new TestData.Case(Activations.ofRows(t), Probe.of(new int[n]).withInputs(Activations.ofRows(z)));
    }

    /** The bar is 0.15 bits at N = 2,000 (bench); here half the rows, the default training, within 0.2. */
    @Test
    void intrinsicDimensionOneInTwentyAmbientColumns() {
        assertEquals(1.0, estimate(lmi(Map.of()), redundant(N, 1.0, 20, 7)).value("I"), 0.2);
    }

    /**
     * 300 columns for 300 training rows: the autoencoders see 16 principal components of each side. The first holds the
     * 150 exact copies (half the variance); the other 15, nuisance at about (1 + sqrt(150 / 300))^2 = 2.9 times a
     * column's variance at most (Marchenko-Pastur), add at most 15 x 2.9 / 300 = 0.15.
     */
    @Test
    void aVariableWiderThanComponentsIsReadOnItsLeadingPrincipalComponents() {
        Estimate e = estimate(lmi(Map.of("components", 16, "latent", 2, "latentSearch", 1)), redundant(600, 1.0, 300, 9));
        assertEquals(1.0, e.value("I"), 0.2);
        for (String side : List.of("T", "Z")) {
            assertEquals(16, e.details().get("components" + side));
            double share = (Double) e.details().get("varianceShare" + side);
            assertTrue(share > 0.5 && share < 0.65, side + ": share " + share);
        }
    }

    @Test
    void aVariableNoWiderThanComponentsIsReadAsItIs() {
        TestData.Case c = redundant(200, 1.0, 16, 9);
        Map<String, Object> budget = Map.of("epochs", 5, "latentSearch", 1);
        Estimate at16 = estimate(lmi(with(budget, "components", 16)), c);
        assertFalse(at16.details().containsKey("componentsT"));
        assertEquals(estimate(lmi(with(budget, "components", 0)), c).value("I"), at16.value("I"));
    }

    @Test
    void theRecordKeepsLatentSizeTrainingAndSplit() {
        Estimate e = estimate(lmi(Map.of("epochs", 3, "latent", 4, "latentSearch", 1)), ordinaryData());
        assertEquals(4, e.details().get("latent"));
        assertEquals(100, e.details().get("trainRows"));
        assertEquals(100, e.details().get("estimateRows"));
        assertEquals(3, e.details().get("epochs"));
    }

    /** Early stopping as Gowri et al. train: patience epochs past the best held-out loss, whose encoders are kept. */
    @Test
    void trainingStopsPatienceEpochsAfterTheLowestHeldOutLoss() {
        Estimate e = estimate(lmi(Map.of("epochs", 300, "patience", 2, "latentSearch", 1)), redundant(400, 0.0, 20, 5));
        int epochs = (Integer) e.details().get("epochs");
        int best = (Integer) e.details().get("bestEpoch");
        assertTrue((Boolean) e.details().get("stoppedEarly"), "independent T and Z: the held-out loss stops falling long before 300 epochs");
        assertEquals(best + 2, epochs);
    }

    /** Gowri et al.'s advice for the latent size: every estimate is a lower bound, so the largest over the sizes tried. */
    @Test
    void theSearchKeepsTheLargestEstimateOfTheLatentSizesTried() {
        TestData.Case c = redundant(400, 1.0, 10, 9);
        Map<String, Object> budget = Map.of("epochs", 30, "patience", 5);
        double at4 = estimate(lmi(with(budget, "latent", 4, "latentSearch", 1)), c).value("I");
        double at2 = estimate(lmi(with(budget, "latent", 2, "latentSearch", 1)), c).value("I");
        Estimate searched = estimate(lmi(with(budget, "latent", 4, "latentSearch", 2)), c);
        assertEquals(Math.max(at4, at2), searched.value("I"));
        assertEquals(at4, (Double) searched.details().get("bitsAtLatent4"));
        assertEquals(at2, (Double) searched.details().get("bitsAtLatent2"));
        assertEquals(at4 >= at2 ? 4 : 2, searched.details().get("latent"));
    }

    @Test
    void latentSizesHalveFromTheLargest() {
        assertArrayEquals(new int[] {8, 4, 2}, LatentMutualInformation.latentSizes(8, 3));
        assertArrayEquals(new int[] {5, 2, 1}, LatentMutualInformation.latentSizes(5, 6));
        assertArrayEquals(new int[] {8}, LatentMutualInformation.latentSizes(8, 1));
    }

    private static Map<String, Object> with(Map<String, Object> base, Object... keyValues) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(base);
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    @Test
    void aConstantLayerCarriesNothingAndSaysSo() {
        TestData.Case c = ordinaryData();
        Estimate e = measure().estimate(NeuralEstimatorContract.layer(2), Activations.wrap(new double[400], 200, 2), c.probe());
        assertEquals(0.0, e.value("I"));
        assertEquals("layer", e.details().get("constant"));
    }
}
