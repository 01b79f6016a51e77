package org.infolens.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpecialFunctionsTest {

    /** Values from scipy.special.digamma and gammaln (double precision). */
    @Test
    void digammaAndLogGammaMatchScipy() {
        double[][] table = {
            {0.5, -1.9635100260214235, 0.5723649429247},
            {1, -0.5772156649015329, 0.0},
            {2, 0.42278433509846713, 0.0},
            {3.5, 1.103156640645243, 1.2009736023470743},
            {7, 1.872784335098467, 6.579251212010101},
            {11.9, 2.4339335368825377, 17.25847745059552},
            {12, 2.4426616799758123, 17.502307845873887},
            {50, 3.9019896734278925, 144.56574394634487},
            {1000, 6.907255195648812, 5905.220423209181},
            {12345.6, 9.421014502465397, 103959.18506616844},
        };
        for (double[] row : table) {
            assertEquals(row[1], SpecialFunctions.digamma(row[0]), 1e-14 * Math.max(1, Math.abs(row[1])), "digamma " + row[0]);
            assertEquals(row[2], SpecialFunctions.lnGamma(row[0]), 1e-13 * Math.max(1, Math.abs(row[2])), "lnGamma " + row[0]);
        }
    }

    @Test
    void digammaSatisfiesItsRecurrence() {
        for (double x = 0.1; x < 40; x += 0.37) {
            assertEquals(SpecialFunctions.digamma(x) + 1 / x, SpecialFunctions.digamma(x + 1), 1e-13);
            assertEquals(SpecialFunctions.lnGamma(x) + Math.log(x), SpecialFunctions.lnGamma(x + 1), 1e-12);
        }
    }
}
