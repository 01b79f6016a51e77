package org.infolens.estimate.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Dropout in the small networks (latent MI's cross-predictors): the gradients of a pass with dropout
 * against central differences under the same masks (the same seed draws them again), dropout 0 as
 * the plain pass, and the masks' share of zeros and their 1 / (1 - p) scale.
 */
class MlpDropoutTest {

    private static final double DROPOUT = 0.5;

    @Test
    void backwardWithDropoutMatchesFiniteDifferences() {
        Random rnd = new Random(7);
        INDArray x = gaussian(5, 4, rnd);
        Mlp net = new Mlp(Mlp.sizes(4, 6, 2, 3), new Random(8));
        for (INDArray p : net.params()) { // biases start at 0: moved off so that no pre-activation sits on the ReLU's kink
            p.addi(gaussian((int) p.rows(), (int) p.columns(), rnd).muli(0.3));
        }
        // the objective: half the summed squares of the outputs, whose gradient in the outputs is the outputs
        DoubleSupplier objective = () -> {
            INDArray out = net.forward(x, DROPOUT, new Random(9));
            return out.mul(out).sumNumber().doubleValue() / 2;
        };
        INDArray out = net.forward(x, DROPOUT, new Random(9));
        INDArray[] params = net.params();
        INDArray[] grads = new INDArray[params.length];
        INDArray inputGrad = net.backward(out.dup(), grads, 0);
        int checked = 0;
        for (int p = 0; p < params.length; p++) {
            for (long i = 0; i < params[p].length(); i++) {
                double numeric = centralDifference(params[p], i, objective);
                assertEquals(numeric, grads[p].getDouble(i), 1e-6 + 1e-4 * Math.abs(numeric), "parameter " + p + "[" + i + "]");
                checked += numeric != 0 ? 1 : 0;
            }
        }
        assertTrue(checked > 0, "dropout left no parameter with a gradient");
        for (long i = 0; i < x.length(); i++) {
            double numeric = centralDifference(x, i, objective);
            assertEquals(numeric, inputGrad.getDouble(i), 1e-6 + 1e-4 * Math.abs(numeric), "input " + i);
        }
    }

    @Test
    void dropoutZeroIsThePlainPass() {
        Random rnd = new Random(1);
        INDArray x = gaussian(4, 3, rnd);
        Mlp net = new Mlp(Mlp.sizes(3, 5, 1, 2), new Random(2));
        assertEquals(net.forward(x), net.forward(x, 0, new Random(3)));
    }

    @Test
    void masksZeroTheirShareAndScaleTheRest() {
        int rows = 400;
        int columns = 50;
        Mlp identity = new Mlp(new int[] {columns, columns}, new Random(4));
        identity.params()[0].assign(Nd4j.eye(columns).castTo(DataType.DOUBLE));
        INDArray out = identity.forward(Nd4j.ones(DataType.DOUBLE, rows, columns), DROPOUT, new Random(5));
        double[] v = out.data().asDouble();
        int zeros = 0;
        for (double e : v) {
            assertTrue(e == 0 || Math.abs(e - 1 / (1 - DROPOUT)) < 1e-12, "a kept input is scaled by 1 / (1 - p), got " + e);
            zeros += e == 0 ? 1 : 0;
        }
        double share = (double) zeros / v.length;
        // 20,000 Bernoulli(0.5) draws: sd 0.0035, so 0.02 is over 5 sd
        assertEquals(DROPOUT, share, 0.02);
    }

    private static double centralDifference(INDArray a, long i, DoubleSupplier objective) {
        double keep = a.getDouble(i);
        double h = 1e-6;
        a.putScalar(i, keep + h);
        double up = objective.getAsDouble();
        a.putScalar(i, keep - h);
        double down = objective.getAsDouble();
        a.putScalar(i, keep);
        return (up - down) / (2 * h);
    }

    private static INDArray gaussian(int rows, int cols, Random rnd) {
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextGaussian();
        }
        return Nd4j.create(v, new long[] {rows, cols}, DataType.DOUBLE);
    }
}
