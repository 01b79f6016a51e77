package org.infolens.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class AdamOptimizerTest {

    /**
     * Adam's steps in closed form for a constant gradient g: the moments' bias corrections cancel, so
     * every step moves p by lr g / (|g| + eps / sqrt(1 - beta2^t)) -- lr sign(g) for |g| >> eps; AdamW
     * first shrinks p by (1 - lr wd).
     */
    @Test
    void constantGradientMovesEachParameterByTheLearningRate() {
        double lr = 0.01;
        double wd = 0.1;
        INDArray p = Nd4j.create(new double[] {1, -2, 3}, new long[] {1, 3}, DataType.DOUBLE);
        double[] g = {0.5, -4, 1e-3};
        AdamOptimizer adamW = new AdamOptimizer(new INDArray[] {p}, lr, wd);
        double[] expected = {1, -2, 3};
        for (int t = 1; t <= 3; t++) {
            adamW.step(new INDArray[] {Nd4j.create(g, new long[] {1, 3}, DataType.DOUBLE)});
            double epsilonHat = 1e-8 / Math.sqrt(1 - Math.pow(0.999, t));
            for (int i = 0; i < 3; i++) {
                expected[i] = expected[i] * (1 - lr * wd) - lr * g[i] / (Math.abs(g[i]) + epsilonHat);
                assertEquals(expected[i], p.getDouble(i), 1e-12, "step " + t + " parameter " + i);
            }
        }
    }
}
