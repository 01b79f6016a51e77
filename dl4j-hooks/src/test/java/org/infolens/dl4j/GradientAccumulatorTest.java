package org.infolens.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.infolens.data.GradientMoments;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class GradientAccumulatorTest {

    /** A float32 2 x 2 gradient as DL4J hands it over: an 'f'-ordered view into one flat gradient array. */
    private static INDArray view(float a, float b, float c, float d, float scale) {
        INDArray flat = Nd4j.create(DataType.FLOAT, 1, 10);
        INDArray v = flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(3, 7)).reshape('f', 2, 2);
        v.putScalar(0, 0, a * scale).putScalar(0, 1, b * scale).putScalar(1, 0, c * scale).putScalar(1, 1, d * scale);
        return v;
    }

    @Test
    void normsOfTheElementwiseMeanAndStdOfTheMeanLossGradients() {
        GradientAccumulator acc = new GradientAccumulator(Map.of(0, List.of("0_W")));
        int[] batch = {16, 16, 16, 5}; // a short last batch: DL4J's gradients are sums over the batch
        for (int t = 1; t <= 4; t++) {
            acc.add(Map.of("0_W", view(t, 1, -t, 2, batch[t - 1]), "0_b", view(9, 9, 9, 9, 1)), batch[t - 1]);
        }
        // per element over t = 1..4: means (2.5, 1, -2.5, 2); population variances (1.25, 0, 1.25, 0)
        GradientMoments m = acc.moments().get(0);
        assertEquals(4, m.iterations());
        assertEquals(Math.sqrt(6.25 + 1 + 6.25 + 4), m.meanNorm(), 1e-12);
        assertEquals(Math.sqrt(2.5), m.stdNorm(), 1e-12);
    }

    @Test
    void severalWeightParametersOfALayerMakeOneNormAndAMissingGradientLeavesTheLayerOut() {
        GradientAccumulator acc = new GradientAccumulator(Map.of(1, List.of("1_W", "1_RW"), 2, List.of("2_W")));
        acc.add(Map.of("1_W", view(1, 0, 0, 0, 1), "1_RW", view(0, 0, 0, 3, 1), "2_W", view(1, 1, 1, 1, 1)), 1);
        acc.add(Map.of("1_W", view(3, 0, 0, 0, 1), "1_RW", view(0, 0, 0, 5, 1), "2_W", view(1, 1, 1, 1, 1)), 1);
        acc.add(Map.of("1_W", view(7, 7, 7, 7, 1)), 1); // no RW (and no layer 2): layer 1 skips this iteration
        GradientMoments layer1 = acc.moments().get(1);
        assertEquals(2, layer1.iterations());
        assertEquals(Math.hypot(2, 4), layer1.meanNorm(), 1e-12); // means 2 (W) and 4 (RW)
        assertEquals(Math.sqrt(2), layer1.stdNorm(), 1e-12);       // std 1 in each
        GradientMoments layer2 = acc.moments().get(2);
        assertEquals(2, layer2.meanNorm(), 1e-12);
        assertEquals(0, layer2.stdNorm(), 1e-12, "identical gradients have no noise");
    }

    @Test
    void resetStartsAFreshWindowOnTheSameBuffers() {
        GradientAccumulator acc = new GradientAccumulator(Map.of(0, List.of("0_W")));
        acc.add(Map.of("0_W", view(100, 100, 100, 100, 1)), 1);
        acc.reset();
        assertTrue(acc.moments().isEmpty(), "no iteration since the reset: no moments");
        acc.add(Map.of("0_W", view(1, 0, 0, 0, 1)), 1);
        acc.add(Map.of("0_W", view(-1, 0, 0, 0, 1)), 1);
        GradientMoments m = acc.moments().get(0);
        assertEquals(0, m.meanNorm(), 1e-12);
        assertEquals(1, m.stdNorm(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> acc.add(Map.of(), 0));
    }

    @Test
    void aHighRatioSurvivesTheCancellationOfTheSecondMoment() {
        // mean 1e3 per element, std 1e-2: E[g^2] - E[g]^2 in float32 would keep no digit of the variance;
        // sums of deviations from the first gradient keep them all
        GradientAccumulator acc = new GradientAccumulator(Map.of(0, List.of("0_W")));
        for (int t = 0; t < 100; t++) {
            float g = 1000f + (t % 2 == 0 ? 0.0078125f : -0.0078125f); // exact in float32
            acc.add(Map.of("0_W", view(g, g, g, g, 1)), 1);
        }
        GradientMoments m = acc.moments().get(0);
        assertEquals(2000, m.meanNorm(), 1e-9);
        assertEquals(2 * 0.0078125, m.stdNorm(), 1e-6);
    }
}
