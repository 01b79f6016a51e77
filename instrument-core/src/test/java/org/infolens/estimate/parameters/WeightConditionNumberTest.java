package org.infolens.estimate.parameters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.infolens.data.LayerId;
import org.infolens.data.LayerKind;
import org.infolens.data.LayerParameters;
import org.infolens.data.WeightMatrix;
import org.infolens.measure.Estimate;
import org.junit.jupiter.api.Test;

class WeightConditionNumberTest {

    private static final LayerId LAYER = new LayerId(0, "dense", 3, LayerKind.DENSE, "tanh");

    /** Rotation by {@code a} in the plane of axes i and j, in 3 dimensions. */
    private static double[][] rotation(int i, int j, double a) {
        double[][] r = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        r[i][i] = Math.cos(a);
        r[j][j] = Math.cos(a);
        r[i][j] = -Math.sin(a);
        r[j][i] = Math.sin(a);
        return r;
    }

    private static double[][] times(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                for (int k = 0; k < b.length; k++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    private static Estimate estimate(double[][] w) {
        return new WeightConditionNumber().estimate(new LayerParameters(LAYER, WeightMatrix.ofRows(w), null));
    }

    @Test
    void rotatedDiagonalHasTheRatioOfItsExtremeEntries() {
        double[][] u = times(rotation(0, 1, 0.7), rotation(1, 2, -1.3));
        double[][] v = times(rotation(0, 2, 2.1), rotation(0, 1, 0.4));
        double[][] w = times(times(u, new double[][] {{1, 0, 0}, {0, 2, 0}, {0, 0, 5}}), v);
        Estimate e = estimate(w);
        assertEquals(5, e.value("condition"), 1e-12);
        assertEquals(5, e.value("sigma_max"), 1e-12);
        assertEquals(1, e.value("sigma_min"), 1e-12);
        assertEquals(3, e.details().get("rank"));
        assertEquals(false, e.details().get("rankDeficient"));

        // a rectangular matrix: a row of zeros adds no singular value
        double[][] tall = {w[0], w[1], w[2], {0, 0, 0}};
        assertEquals(5, estimate(tall).value("condition"), 1e-12);
        assertEquals(4, estimate(tall).details().get("rows"));
        // and the transpose (DL4J stores dense weights as [nIn, nOut]) has the same singular values
        double[][] wide = {{tall[0][0], tall[1][0], tall[2][0], 0}, {tall[0][1], tall[1][1], tall[2][1], 0},
                {tall[0][2], tall[1][2], tall[2][2], 0}};
        assertEquals(5, estimate(wide).value("condition"), 1e-12);
    }

    @Test
    void rankDeficientMatrixGivesItsSingularValuesAndAFlagInsteadOfAnInfiniteRatio() {
        Estimate e = estimate(new double[][] {{1, 2}, {2, 4}, {3, 6}});
        assertFalse(e.values().containsKey("condition"));
        assertEquals(Math.sqrt(14 * 5), e.value("sigma_max"), 1e-12);
        assertTrue(e.value("sigma_min") < 1e-12);
        assertEquals(true, e.details().get("rankDeficient"));
        assertEquals(1, e.details().get("rank"));

        Estimate zero = estimate(new double[][] {{0, 0}, {0, 0}});
        assertEquals(0, zero.value("sigma_max"));
        assertEquals(0, zero.details().get("rank"));
    }

    @Test
    void nonFiniteWeightsAreRejectedAndLayersWithoutWeightsSkipped() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> estimate(new double[][] {{1, Double.NaN}, {0, 1}}));
        assertTrue(e.getMessage().contains("NaN") && e.getMessage().contains("dense"), e.getMessage());
        assertFalse(new WeightConditionNumber().appliesTo(new LayerParameters(LAYER, null, null)));
    }
}
