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
     * Five coordinate pairs of correlation 0.99 carry 9.8 nats, far above ln 8 = 2.08: with batches of 8
     * InfoNCE can only reach the ceiling, and the record must say so. (One sharp pair, rho = 0.99999,
     * is a harder critic to learn: it stays 0.26 nats below the ceiling at this budget.)
     */
    @Test
    void theLnBatchCeilingIsRecordedAndFlaggedOnAHighMiGaussian() {
        double[][] cov = new double[10][10];
        for (int i = 0; i < 10; i++) {
            cov[i][i] = 1;
        }
        for (int i = 0; i < 5; i++) {
            cov[i][i + 5] = 0.99;
            cov[i + 5][i] = 0.99;
        }
        TestData.Case c = TestData.gaussianPair(N, cov, 5, 21);
        Estimate e = estimate(with(Map.of("batch", 8)), c);
        double ceiling = (Double) e.details().get("ceilingNats");
        // 300 held-out rows in 37 chunks: 4 of 9 rows, 33 of 8, each with its own ln b
        assertEquals((33 * 8 * Math.log(8) + 4 * 9 * Math.log(9)) / 300, ceiling, 1e-12);
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
