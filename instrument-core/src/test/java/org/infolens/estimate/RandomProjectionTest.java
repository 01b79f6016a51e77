package org.infolens.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.LayerKind;
import org.infolens.data.Probe;
import org.infolens.measure.Estimate;
import org.infolens.measure.Measure;
import org.junit.jupiter.api.Test;

class RandomProjectionTest {

    private static Activations gaussian(int n, int d, long seed) {
        return gaussian(n, d, seed, 1);
    }

    private static Activations gaussian(int n, int d, long seed, double sd) {
        Random rnd = new Random(seed);
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = sd * rnd.nextGaussian();
            }
        }
        return Activations.ofRows(x);
    }

    private static double distance(Activations a, int i, int j) {
        double s = 0;
        for (int c = 0; c < a.columns(); c++) {
            double d = a.get(i, c) - a.get(j, c);
            s += d * d;
        }
        return Math.sqrt(s);
    }

    @Test
    void pairwiseDistancesSurviveTheProjection() {
        Activations wide = gaussian(60, 4096, 1);
        RandomProjection p = new RandomProjection(EstimatorCatalog.fromSpec("kde"), 1024, 3);
        Activations narrow = p.project(new LayerId(2, "conv", 4096, LayerKind.CONVOLUTION, "relu", 16), wide);
        assertEquals(1024, narrow.columns());
        double worst = 0;
        for (int i = 0; i < 60; i++) {
            for (int j = i + 1; j < 60; j++) {
                worst = Math.max(worst, Math.abs(distance(narrow, i, j) / distance(wide, i, j) - 1));
            }
        }
        // Johnson-Lindenstrauss: squared distances spread about sqrt(2/1024) = 4.4 %; 1770 pairs stay within 4 sd
        assertTrue(worst < 0.10, "largest relative distance change " + worst);
    }

    @Test
    void kernelBoundsKeepTheirValueOnAProjectedLayerAndRecordIt() {
        Activations wide = gaussian(300, 2048, 4, 0.01); // distances about 0.64 against kernel sd 0.32: overlapping kernels
        Probe probe = Probe.of(TestData.uniformLabels(300, 3, 2));
        LayerId layer = new LayerId(1, "flat", 2048, LayerKind.DENSE, "");
        Measure kde = EstimatorCatalog.fromSpec("kde:bound=upper");
        Estimate full = kde.estimate(layer, wide, probe);
        Estimate projected = EstimatorCatalog.fromSpec("kde:bound=upper,maxWidth=512").estimate(layer, wide, probe);
        // I(X;T) depends on pairwise distances only (H_T also on the dimension, through the noise's entropy)
        assertTrue(full.value("I_XT") < Math.log(300) / Math.log(2) - 1, "not at the ceiling: " + full.value("I_XT"));
        assertEquals(full.value("I_XT"), projected.value("I_XT"), 0.05 * full.value("I_XT"));
        assertEquals(full.value("I_TY"), projected.value("I_TY"), 0.05);
        assertEquals(2048, projected.layerParameters().get("projectedFrom"));
    }

    @Test
    void theSameMatrixAtEveryEpochAnotherForEachLayerAndNarrowLayersUntouched() {
        Activations wide = gaussian(20, 300, 5);
        RandomProjection p = new RandomProjection(EstimatorCatalog.fromSpec("kde"), 64, 9);
        LayerId a = new LayerId(1, "a", 300, LayerKind.DENSE, "");
        LayerId b = new LayerId(2, "b", 300, LayerKind.DENSE, "");
        assertEquals(p.project(a, wide), p.project(a, wide));
        assertEquals(p.project(a, wide), new RandomProjection(EstimatorCatalog.fromSpec("kde"), 64, 9).project(a, wide), "seeded");
        assertNotEquals(p.project(a, wide), p.project(b, wide));
        Activations narrow = gaussian(20, 64, 6);
        Probe probe = Probe.of(TestData.uniformLabels(20, 2, 1));
        LayerId n = new LayerId(3, "n", 64, LayerKind.DENSE, "");
        assertEquals(EstimatorCatalog.fromSpec("kde").estimate(n, narrow, probe).values(), p.estimate(n, narrow, probe).values());
        assertTrue(p.estimate(n, narrow, probe).layerParameters().get("projectedFrom") == null);
    }

    @Test
    void specsComposeProjectionAndSubsamplingAndCheckThem() {
        Measure m = EstimatorCatalog.fromSpec("dse:maxWidth=128,projectionSeed=2,probeRows=50");
        assertEquals(128, m.parameters().get("maxWidth"));
        assertEquals(2L, m.parameters().get("projectionSeed"));
        assertEquals(50, m.parameters().get("probeRows"));
        assertTrue(m.toString().contains("maxWidth=128") && m.toString().contains("probeRows=50"), m.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EstimatorCatalog.fromSpec("kde:projectionSeed=1"));
        assertTrue(e.getMessage().contains("maxWidth"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EstimatorCatalog.fromSpec("kde:maxWidth=0"));
        assertTrue(e.getMessage().contains("maxWidth must be >= 1"), e.getMessage());
    }
}
