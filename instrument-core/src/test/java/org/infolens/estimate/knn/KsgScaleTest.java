package org.infolens.estimate.knn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.LayerKind;
import org.infolens.data.Probe;
import org.infolens.estimate.TestData;
import org.infolens.estimate.interval.IntervalSettings;
import org.infolens.estimate.interval.WithConfidenceIntervals;
import org.infolens.measure.Estimate;
import org.infolens.measure.Measure;
import org.junit.jupiter.api.Test;

/**
 * KSG on variables of different scales: Z = integer ids (a Gaussian scaled by 10^6 and rounded), T a
 * unit-scale Gaussian correlated with it. The max-norm neighbours then follow Z alone; standardising
 * each column (the default) recovers the closed form, and without it the estimate is ~0 and flagged.
 */
class KsgScaleTest {

    private static final double LN2 = Math.log(2);
    private static final double RHO = 0.8;
    private static final int N = 2000;

    private static Estimate estimate(boolean standardize) {
        double[][] g = TestData.gaussian(N, TestData.bivariate(RHO), 17);
        double[][] t = new double[N][1];
        double[][] ids = new double[N][1];
        for (int i = 0; i < N; i++) {
            t[i][0] = g[i][0];
            ids[i][0] = Math.round(g[i][1] * 1e6);
        }
        Probe probe = Probe.of(new int[N]).withInputs(Activations.ofRows(ids));
        Measure ksg = new WithConfidenceIntervals(new KsgMutualInformation(KnnSettings.defaults(), 1, standardize), IntervalSettings.defaults());
        return ksg.estimate(new LayerId(0, "t", 1, LayerKind.DENSE, "tanh"), Activations.ofRows(t), probe);
    }

    @Test
    void standardisedColumnsGiveTheGaussianClosedForm() {
        double truth = -0.5 * Math.log(1 - RHO * RHO) / LN2; // 0.737 bits
        Estimate e = estimate(true);
        assertEquals(truth, e.value("I"), 0.05, "KSG with standardised columns");
        assertFalse(e.details().containsKey(WithConfidenceIntervals.ZERO_WITHIN_INTERVAL), e.details().toString());
    }

    @Test
    void withoutStandardisingTheEstimateIsZeroAndFlagged() {
        Estimate e = estimate(false);
        assertEquals(0, e.value("I"), 0.1, "the neighbours follow the ids alone");
        assertTrue(e.intervals().get("I").low() < 1e-9, e.intervals().toString()); // 3e-13, with an interval of width 0
        assertEquals(List.of("I"), e.details().get(WithConfidenceIntervals.ZERO_WITHIN_INTERVAL));
    }

    @Test
    void theChoiceIsARecordedParameterOnByDefault() {
        assertEquals(true, new KsgMutualInformation(KnnSettings.defaults(), 1).parameters().get("standardize"));
        assertEquals(false, new KsgMutualInformation(KnnSettings.defaults(), 2, false).parameters().get("standardize"));
    }
}
