package org.infolens.estimate.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.function.Supplier;
import org.infolens.estimate.EstimatorCatalog;
import org.infolens.measure.MeasureSpec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The hand-written gradients against central differences: every critic shape with the InfoNCE bound
 * (whose training objective is its value), a few weights of every parameter array, all moved off 0
 * so that no pre-activation sits on the ReLU's kink.
 */
class CriticGradientTest {

    @TestFactory
    Stream<DynamicTest> backwardMatchesFiniteDifferences() {
        return Stream.of(CriticKind.values()).map(kind -> DynamicTest.dynamicTest(kind.name(), () -> check(kind)));
    }

    private static void check(CriticKind kind) {
        Random rnd = new Random(3);
        int b = 6;
        INDArray x = gaussian(b, 3, rnd);
        INDArray y = gaussian(b, 2, rnd);
        Critic critic = Critic.create(kind, 3, 2, 5, 2, 4, new Random(4));
        for (INDArray p : critic.params()) { // biases start at 0, where a row of dead units puts the next layer on a kink
            p.addi(gaussian((int) p.rows(), (int) p.columns(), rnd).muli(0.3));
        }
        NeuralMutualInformation m = (NeuralMutualInformation) EstimatorCatalog.create(new MeasureSpec("infonce", Map.of()));
        Supplier<Double> objective = () -> m.bound().value(critic.scores(x, y).data().asDouble(), b);
        double[] s = critic.scores(x, y).data().asDouble();
        INDArray[] grads = critic.backward(Nd4j.create(m.bound().objectiveGradient(s, b), new long[] {b, b}, DataType.DOUBLE));
        INDArray[] params = critic.params();
        assertEquals(params.length, grads.length);
        for (int p = 0; p < params.length; p++) {
            for (long i = 0; i < Math.min(4, params[p].length()); i++) {
                double keep = params[p].getDouble(i);
                double h = 1e-6;
                params[p].putScalar(i, keep + h);
                double up = objective.get();
                params[p].putScalar(i, keep - h);
                double down = objective.get();
                params[p].putScalar(i, keep);
                double numeric = (up - down) / (2 * h);
                assertEquals(numeric, grads[p].getDouble(i), 1e-6 + 1e-4 * Math.abs(numeric), kind + " parameter " + p + "[" + i + "]");
            }
        }
    }

    private static INDArray gaussian(int rows, int cols, Random rnd) {
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextGaussian();
        }
        return Nd4j.create(v, new long[] {rows, cols}, DataType.DOUBLE);
    }
}
