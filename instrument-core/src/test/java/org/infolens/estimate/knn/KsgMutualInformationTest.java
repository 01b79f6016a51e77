package org.infolens.estimate.knn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.infolens.data.Activations;
import org.infolens.data.Probe;
import org.infolens.estimate.EstimatorContract;
import org.infolens.estimate.TestData;
import org.infolens.measure.Estimate;
import org.infolens.measure.Measure;
import org.junit.jupiter.api.Test;

/** KSG algorithm 1; {@link Algorithm2} runs the same kit on algorithm 2. */
class KsgMutualInformationTest extends EstimatorContract {

    int algorithm() {
        return 1;
    }

    @Override
    protected Measure measure() {
        return new KsgMutualInformation(KnnSettings.defaults(), algorithm());
    }

    @Override
    protected TestData.Case ordinaryData() {
        return TestData.gaussianPair(400, TestData.bivariate(0.5), 1, 1);
    }

    @Override
    protected TestData.Case tooSmall() {
        return TestData.gaussianPair(3, TestData.bivariate(0.5), 1, 2);
    }

    /**
     * The accuracy bars at N = 5000, k = 3: within 0.02 nats of the truth for a bivariate normal
     * (rho = 0.8) and for independence; within 10 percent for 5 x 5 dense (equicorrelated)
     * multinormals. At correlation 0.3 one sample's error has a spread of about 3 percent around a
     * bias of -7 percent (the reference implementation gives the same), so the bar is on the mean of
     * 8 samples. KSG's downward bias grows with the MI and depends on the structure: for 5 paired
     * coordinates or random covariances it is 14-23 percent at this N, in the reference
     * implementation as here, so those are not bars this estimator can meet.
     */
    @Override
    protected List<ClosedForm> closedForms() {
        double[][] bivariate = TestData.bivariate(0.8);
        double[][] dense3 = TestData.equicorrelated(10, 0.3);
        double[][] dense5 = TestData.equicorrelated(10, 0.5);
        double truth3 = TestData.gaussianMutualInformationNats(dense3, 5) / LN2;
        double truth5 = TestData.gaussianMutualInformationNats(dense5, 5) / LN2;
        return List.of(
                new ClosedForm("bivariate normal rho = 0.8", () -> TestData.gaussianPair(5000, bivariate, 1, 3), "I",
                        TestData.gaussianMutualInformationNats(bivariate, 1) / LN2, 0.02 / LN2),
                new ClosedForm("independent normals", () -> TestData.gaussianPair(5000, TestData.bivariate(0), 1, 4), "I",
                        0, 0.02 / LN2),
                new ClosedForm("5 x 5 multinormal, all correlations 0.3, mean of 8", seed -> TestData.gaussianPair(5000, dense3, 5, seed),
                        "I", truth3, 0.1 * truth3, 8),
                new ClosedForm("5 x 5 multinormal, all correlations 0.5", () -> TestData.gaussianPair(5000, dense5, 5, 6), "I",
                        truth5, 0.1 * truth5));
    }

    @Test
    void translatingEitherVariableChangesNothing() {
        TestData.Case c = TestData.gaussianPair(1000, TestData.bivariate(0.6), 1, 6);
        float[] shifted = new float[c.t().size()];
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] = (float) (c.t().getFlat(i) + 8); // exact sum, rounded once as float arithmetic would
        }
        TestData.Case moved = new TestData.Case(Activations.wrap(shifted, c.t().rows(), 1), c.probe());
        KsgMutualInformation exact = new KsgMutualInformation(new KnnSettings(3, Norm.MAX, 0, 0), algorithm());
        assertEquals(estimate(exact, c).value("I"), estimate(exact, moved).value("I"), 1e-3);
    }

    @Test
    void recordsSayWhatAKnnIxtMeasuresAndFlagNegatives() {
        Estimate e = estimate(measure(), TestData.gaussianPair(300, TestData.bivariate(0), 1, 7));
        assertTrue(((String) e.details().get("note")).contains("geometry"));
        assertEquals(e.value("I") < 0, e.details().get("negative"));
    }

    @Test
    void needsTheProbeInputs() {
        TestData.Case c = ordinaryData();
        TestData.Case noInputs = new TestData.Case(c.t(), Probe.of(new int[c.t().rows()]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> estimate(measure(), noInputs));
        assertTrue(e.getMessage().contains("inputs"));
    }

    static class Algorithm2 extends KsgMutualInformationTest {
        @Override
        int algorithm() {
            return 2;
        }
    }
}
