package org.infolens.estimate.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.infolens.estimate.TestData;
import org.infolens.measure.Estimate;
import org.junit.jupiter.api.Test;

/** The kit on infonce: tolerances are its errors at the kit's budget (N = 1,000, 30 epochs) with a margin. */
class InfoNceTest extends NeuralEstimatorContract {

    @Override
    String family() {
        return "infonce";
    }

    @Override
    double[] tolerancesBits() {
        return new double[] {0.2, 0.05, 0.4};
    }

    /**
     * rho = 0.99999 carries 5.41 nats, far above ln 8 = 2.08: with batches of 8 InfoNCE can only reach
     * the ceiling, and the record must say so.
     */
    @Test
    void theLnBatchCeilingIsRecordedAndFlaggedOnAHighMiGaussian() {
        TestData.Case c = TestData.gaussianPair(N, TestData.bivariate(0.99999), 1, 21);
        Estimate e = estimate(with(Map.of("batch", 8, "learningRate", 0.005, "maxEpochs", 60)), c);
        double ceiling = (Double) e.details().get("ceilingNats");
        assertEquals(Math.log(8), ceiling, 1e-12);
        double nats = (Double) e.details().get("nats");
        assertTrue(nats <= ceiling + 1e-9, nats + " above the ceiling " + ceiling);
        assertEquals(true, e.details().get("nearCeiling"), e.details().toString());
    }

    @Test
    void aLowMiEstimateIsNotFlagged() {
        Estimate e = estimate(measure(), ordinaryData());
        assertEquals(false, e.details().get("nearCeiling"));
    }
}
