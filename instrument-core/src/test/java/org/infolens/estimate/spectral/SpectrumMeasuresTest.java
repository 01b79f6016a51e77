package org.infolens.estimate.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.infolens.data.Activations;
import org.infolens.data.Probe;
import org.infolens.estimate.TestData;
import org.infolens.numeric.EffectiveNumber;
import org.junit.jupiter.api.Test;

/** The shared exp-of-an-entropy utility and the covariance spectrum behind effective rank and participation ratio. */
class SpectrumMeasuresTest {

    @Test
    void effectiveNumberKnownValues() {
        double[] uniform = new double[64];
        java.util.Arrays.fill(uniform, 0.3);
        assertEquals(64, EffectiveNumber.exponentialOfEntropy(uniform, 1e-10, true), 1e-9);
        assertEquals(1.7547653589, EffectiveNumber.exponentialOfEntropy(new double[] {3, 1, 0, 0}, 1e-10, true), 1e-9);
        assertEquals(100.0 / 82, EffectiveNumber.participationRatio(new double[] {9, 1}), 1e-12);
        assertEquals(4, EffectiveNumber.participationRatio(new double[] {2, 2, 2, 2, 0}), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> EffectiveNumber.participationRatio(new double[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> EffectiveNumber.shannonNats(new double[] {1, Double.NaN}, 0, false));
    }

    /** Rows +-s_i e_i, balanced: centred, covariance diag(s_i^2) * 2 / N exactly. */
    static TestData.Case axes(double... scales) {
        int d = scales.length + 2;
        double[][] rows = new double[2 * scales.length][d];
        for (int i = 0; i < scales.length; i++) {
            rows[2 * i][i] = scales[i];
            rows[2 * i + 1][i] = -scales[i];
        }
        return new TestData.Case(Activations.ofRows(rows), Probe.of(new int[rows.length]));
    }

    @Test
    void effectiveRankAndParticipationRatioOfKnownSpectra() {
        TestData.Case equal = axes(1, 1, 1, 1, 1);
        org.infolens.data.LayerId layer = org.infolens.data.LayerId.of(0, equal.t().columns());
        assertEquals(5, new EffectiveRank().estimate(layer, equal.t(), equal.probe()).value("effective_rank"), 1e-9);
        assertEquals(5, new ParticipationRatio().estimate(layer, equal.t(), equal.probe()).value("participation_ratio"), 1e-9);
        TestData.Case uneven = axes(3, 1);
        org.infolens.data.LayerId narrow = org.infolens.data.LayerId.of(0, uneven.t().columns());
        // singular values 3 : 1 -> p = (0.75, 0.25); eigenvalues 9 : 1
        assertEquals(Math.exp(-(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25))),
                new EffectiveRank().estimate(narrow, uneven.t(), uneven.probe()).value("effective_rank"), 1e-9);
        assertEquals(100.0 / 82, new ParticipationRatio().estimate(narrow, uneven.t(), uneven.probe()).value("participation_ratio"), 1e-9);
    }

    @Test
    void wideLayersUseTheGramMatrix() {
        TestData.Case wide = SpectralTestData.gaussian(20, 200, 1, 1, 3); // d > N
        TestData.Case tall = new TestData.Case(transposeFree(wide.t()), wide.probe());
        org.infolens.data.LayerId layer = org.infolens.data.LayerId.of(0, 200);
        double pr = new ParticipationRatio().estimate(layer, wide.t(), wide.probe()).value("participation_ratio");
        assertEquals(pr, new ParticipationRatio().estimate(layer, tall.t(), tall.probe()).value("participation_ratio"), 1e-9);
    }

    /** The same rows with the columns permuted: the spectrum cannot change; exercises the d > N route twice. */
    private static Activations transposeFree(Activations a) {
        float[] v = new float[a.size()];
        for (int r = 0; r < a.rows(); r++) {
            for (int j = 0; j < a.columns(); j++) {
                v[r * a.columns() + j] = (float) a.get(r, a.columns() - 1 - j);
            }
        }
        return Activations.wrap(v, a.rows(), a.columns());
    }

    @Test
    void constantLayersAreClearErrors() {
        TestData.Case constant = SpectralTestData.clusters(1, 30, 4, 0, 1);
        org.infolens.data.LayerId layer = org.infolens.data.LayerId.of(0, 4);
        assertThrows(IllegalArgumentException.class, () -> new EffectiveRank().estimate(layer, constant.t(), constant.probe()));
        assertThrows(IllegalArgumentException.class, () -> new TwoNnDimension().estimate(layer, constant.t(), constant.probe()));
    }
}
