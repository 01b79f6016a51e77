package org.infolens.estimate.binning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.Probe;
import org.junit.jupiter.api.Test;

/**
 * float64 activations are binned as numpy bins float64 arrays: in double, with levels that float32
 * would merge kept apart. Each case also shows the float32 rounding of the same data giving another
 * answer, so the test fails if values are rounded anywhere on the way.
 */
class Float64BinningTest {

    private static final LayerId LAYER = LayerId.of(0, 1);

    /** 64 levels 1e-10 apart: one float32 level, 64 float64 levels. */
    private static double[][] closeLevels() {
        double[][] rows = new double[64][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[] {0.5 + i * 1e-10};
        }
        return rows;
    }

    @Test
    void adaptiveBinningKeepsLevelsThatFloat32Merges() {
        BinnedInformation adaptive = new BinnedInformation(AdaptiveDiscretizer.builder().bins(64).low(-1.000001).build());
        Probe probe = Probe.of(new int[64]);
        // Each of 64 equally likely levels opens its own bin: H(T) = log2 64 = 6 bits.
        assertEquals(6.0, adaptive.estimate(LAYER, Activations.ofRowsFloat64(closeLevels()), probe).value("H_T"), 1e-12);
        assertEquals(0.0, adaptive.estimate(LAYER, Activations.ofRows(closeLevels()), probe).value("H_T"), 0.0);
        assertEquals(64, DistinctValues.of(Activations.ofRowsFloat64(closeLevels()), -1.000001).count());
    }

    @Test
    void float64DistinctValuesExcludeTheLimitAndJoinSignedZeros() {
        Activations a = Activations.ofRowsFloat64(new double[][] {{-0.0}, {0.0}, {0.25}, {0.25}, {1e-300}, {-1.0}});
        DistinctValues all = DistinctValues.of(a, -2);
        assertEquals(4, all.count()); // -1, 0, 1e-300, 0.25
        assertEquals(1e-300, all.valueAt(2), 0.0);
        DistinctValues aboveZero = DistinctValues.of(a, 0.0);
        assertEquals(3, aboveZero.count()); // both zeros left out
        assertEquals(-1.0, aboveZero.valueAt(0), 0.0);
    }

    @Test
    void fixedWidthDividesInDoubleForFloat64Values() {
        double binSize = 0.07;
        FixedWidthDiscretizer d = FixedWidthDiscretizer.builder().binSize(binSize).build();
        double[][] rows = new double[200][];
        int differsInFloat32 = 0;
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[] {i * binSize}; // on the bin edges, where the two precisions part
            differsInFloat32 += Math.floor((float) rows[i][0] / (float) binSize) != Math.floor(rows[i][0] / binSize) ? 1 : 0;
        }
        int[] bins = BinnedInformationContract.binAll(d, LAYER, Activations.ofRowsFloat64(rows));
        for (int i = 0; i < rows.length; i++) {
            assertEquals((int) Math.floor(rows[i][0] / binSize), bins[i], "row " + i);
        }
        assertNotEquals(0, differsInFloat32, "the data should include values whose float32 bin differs");
    }

    @Test
    void globalMinMaxComparesFloat64ValuesWithTheEdgesInDouble() {
        GlobalMinMaxDiscretizer d = GlobalMinMaxDiscretizer.builder().bins(10).range(0, 1).build();
        LayerBinning binning = d.prepare(LAYER, Activations.ofRowsFloat64(new double[][] {{0.5}}));
        double edge = 3 * 0.1; // edges are i * (hi - lo) / bins + lo, as numpy's linspace computes them
        assertEquals(3, binning.bin(edge));
        assertEquals(2, binning.bin(Math.nextDown(edge)));
        assertEquals(-1, binning.bin(-1e-300));
        assertEquals(9, binning.bin(1.0));
    }
}
