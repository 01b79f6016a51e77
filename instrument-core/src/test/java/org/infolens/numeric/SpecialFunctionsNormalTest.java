package org.infolens.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The normal CDF against scipy.stats.norm.cdf values, and the quantile as its inverse. */
class SpecialFunctionsNormalTest {

    @Test
    void cdfMatchesReferenceValues() {
        assertEquals(0.5, SpecialFunctions.normalCdf(0), 1e-16);
        assertEquals(0.8413447460685429, SpecialFunctions.normalCdf(1), 1e-15);
        assertEquals(0.022750131948179195, SpecialFunctions.normalCdf(-2), 1e-15);
        assertEquals(0.9986501019683699, SpecialFunctions.normalCdf(3), 1e-15);
        assertEquals(2.866515718791933e-07, SpecialFunctions.normalCdf(-5), 1e-14);
    }

    @Test
    void quantileInvertsTheCdf() {
        for (double p : new double[] {1e-6, 0.01, 0.3, 0.5, 0.77, 0.999}) {
            assertEquals(p, SpecialFunctions.normalCdf(SpecialFunctions.normalQuantile(p)), 1e-9 * Math.max(p, 1e-3));
        }
    }
}
