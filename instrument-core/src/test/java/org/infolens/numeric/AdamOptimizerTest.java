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

    /**
     * Continuing on copies of the parameters is the same optimisation as never stopping (moments and bias
     * corrections carried over), and leaves the original optimiser and its parameters where they were.
     */
    @Test
    void continuingOnCopiesMatchesAnUninterruptedRun() {
        double[][] g = {{0.5, -4, 1e-3}, {-0.2, 1, 2}, {0.3, 0.3, -1}, {1, -1, 0.5}, {-2, 0.1, 0.1}};
        INDArray straight = Nd4j.create(new double[] {1, -2, 3}, new long[] {1, 3}, DataType.DOUBLE);
        INDArray first = straight.dup();
        AdamOptimizer uninterrupted = new AdamOptimizer(new INDArray[] {straight}, 0.01, 0);
        AdamOptimizer interrupted = new AdamOptimizer(new INDArray[] {first}, 0.01, 0);
        for (int t = 0; t < g.length; t++) {
            uninterrupted.step(new INDArray[] {Nd4j.create(g[t], new long[] {1, 3}, DataType.DOUBLE)});
            if (t < 3) {
                interrupted.step(new INDArray[] {Nd4j.create(g[t], new long[] {1, 3}, DataType.DOUBLE)});
            }
        }
        INDArray afterThree = first.dup();
        INDArray second = first.dup();
        AdamOptimizer continued = interrupted.continuedOn(new INDArray[] {second}, 0.01);
        INDArray afterFour = null;
        for (int t = 3; t < g.length; t++) {
            continued.step(new INDArray[] {Nd4j.create(g[t], new long[] {1, 3}, DataType.DOUBLE)});
            afterFour = afterFour == null ? second.dup() : afterFour;
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(straight.getDouble(i), second.getDouble(i), 1e-14, "parameter " + i);
            assertEquals(afterThree.getDouble(i), first.getDouble(i), 0, "the original's parameter " + i);
        }
        interrupted.step(new INDArray[] {Nd4j.create(g[3], new long[] {1, 3}, DataType.DOUBLE)}); // its moments were not moved either
        for (int i = 0; i < 3; i++) {
            assertEquals(afterFour.getDouble(i), first.getDouble(i), 1e-14, "the original's fourth step, parameter " + i);
        }
    }
}
