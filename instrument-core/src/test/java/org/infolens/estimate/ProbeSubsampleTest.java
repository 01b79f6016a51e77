package org.infolens.estimate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.Probe;
import org.infolens.estimate.binning.BinnedInformation;
import org.infolens.estimate.binning.FixedWidthDiscretizer;
import org.infolens.measure.Estimate;
import org.infolens.measure.Measure;
import org.infolens.numeric.RandomRows;
import org.junit.jupiter.api.Test;

class ProbeSubsampleTest extends EstimatorContract {

    private static final int PROBE = 2000;
    private static final int ROWS = 500;
    private static final long SEED = 7;

    private static BinnedInformation binning() {
        return new BinnedInformation(FixedWidthDiscretizer.builder().binSize(0.5).build());
    }

    @Override
    protected Measure measure() {
        return new ProbeSubsample(binning(), ROWS, SEED);
    }

    @Override
    protected TestData.Case ordinaryData() {
        Random rnd = new Random(3);
        double[][] t = new double[PROBE][3];
        for (double[] row : t) {
            for (int j = 0; j < 3; j++) {
                row[j] = rnd.nextGaussian();
            }
        }
        return new TestData.Case(Activations.ofRows(t), Probe.of(TestData.uniformLabels(PROBE, 4, 5)));
    }

    /** Injective on every row: log2 of the subset's size, not the probe's; T = Y: the subset's H(Y). */
    @Override
    protected List<ClosedForm> closedForms() {
        int[] y = TestData.uniformLabels(PROBE, 5, 11);
        double[][] injective = new double[PROBE][1];
        double[][] isLabel = new double[PROBE][1];
        for (int i = 0; i < PROBE; i++) {
            injective[i][0] = i; // one bin of width 0.5 per row
            isLabel[i][0] = y[i] + 0.1;
        }
        int[] chosen = RandomRows.subset(PROBE, ROWS, new SplittableRandom(SEED));
        int[] ySubset = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            ySubset[i] = y[chosen[i]];
        }
        TestData.Case inj = new TestData.Case(Activations.ofRows(injective), Probe.of(y));
        TestData.Case lab = new TestData.Case(Activations.ofRows(isLabel), Probe.of(y));
        return List.of(
                new ClosedForm("injective layer: I(X;T) = log2 probeRows", () -> inj, "I_XT", Math.log(ROWS) / Math.log(2), 1e-12),
                new ClosedForm("T = Y: I(T;Y) = H(Y) of the subset", () -> lab, "I_TY", TestData.entropyBits(ySubset), 1e-12));
    }

    @Test
    void estimatesTheInnerMeasureOnTheSameSeededRowsEveryTime() {
        TestData.Case c = ordinaryData();
        int[] chosen = RandomRows.subset(PROBE, ROWS, new SplittableRandom(SEED));
        LayerId layer = LayerId.of(0, 3);
        Estimate direct = binning().estimate(layer, c.t().selectRows(chosen), c.probe().selectRows(chosen));
        Measure m = measure();
        assertEquals(direct.values(), m.estimate(layer, c.t(), c.probe()).values());
        assertEquals(direct.values(), m.estimate(layer, c.t(), c.probe()).values(), "same rows at the next epoch");
        assertEquals(ROWS, m.rowsUsed(PROBE));
        assertEquals(300, m.rowsUsed(300), "a smaller probe is read whole");
    }

    /**
     * The rows an estimate reads, which resampling wrappers draw from: the seeded subset, and within it
     * the inner measure's own subset when it takes one (DSE above maxN), as the estimate reads them.
     */
    @Test
    void rowsReadAreTheRowsTheEstimateReads() {
        assertArrayEquals(RandomRows.subset(PROBE, ROWS, new SplittableRandom(SEED)), measure().rowsRead(PROBE));
        assertArrayEquals(java.util.stream.IntStream.range(0, 300).toArray(), measure().rowsRead(300));
        TestData.Case c = ordinaryData();
        LayerId layer = LayerId.of(0, 3);
        Measure nested = EstimatorCatalog.fromSpec("dse:maxN=200,probeRows=" + ROWS);
        int[] read = nested.rowsRead(PROBE);
        assertEquals(200, read.length);
        assertEquals(200, nested.rowsUsed(PROBE));
        assertEquals(EstimatorCatalog.fromSpec("dse:maxN=200").estimate(layer, c.t().selectRows(read), c.probe().selectRows(read)).values(),
                nested.estimate(layer, c.t(), c.probe()).values());
    }

    @Test
    void aSmallerProbeIsReadWhole() {
        TestData.Case c = ordinaryData();
        Activations few = c.t().selectRows(java.util.stream.IntStream.range(0, 400).toArray());
        Probe p = c.probe().selectRows(java.util.stream.IntStream.range(0, 400).toArray());
        LayerId layer = LayerId.of(0, 3);
        assertEquals(binning().estimate(layer, few, p).values(), measure().estimate(layer, few, p).values());
    }

    @Test
    void specsTakeProbeRowsForAnyMeasureAndRecordThem() {
        Measure m = EstimatorCatalog.fromSpec("kde:bound=upper,probeRows=300,probeSeed=4");
        assertEquals("kde", m.name());
        assertEquals(300, m.parameters().get("probeRows"));
        assertEquals(4L, m.parameters().get("probeSeed"));
        assertEquals("upper", m.parameters().get("bound"));
        assertEquals(0L, EstimatorCatalog.fromSpec("dse:probeRows=300").parameters().get("probeSeed"));
        assertTrue(!EstimatorCatalog.fromSpec("kde").parameters().containsKey("probeRows"), "no wrapper without the parameter");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EstimatorCatalog.fromSpec("kde:probeSeed=3"));
        assertTrue(e.getMessage().contains("probeRows"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EstimatorCatalog.fromSpec("kde:probeRows=1"));
        assertTrue(e.getMessage().contains("probeRows must be >= 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EstimatorCatalog.fromSpec("kde:probeRows=many"));
        assertTrue(e.getMessage().contains("probeRows"), e.getMessage());
    }
}
