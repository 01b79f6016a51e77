package org.infolens.superposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.infolens.data.Activations;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SparseAutoencoderTest {

    private static INDArray gaussian(long rows, long columns, Random rnd) {
        double[] v = new double[(int) (rows * columns)];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextGaussian();
        }
        return Nd4j.create(v, new long[] {rows, columns}, DataType.DOUBLE);
    }

    /** Central differences in double on a tiny case: every entry of every gradient, tied and untied, relative error below 1e-6. */
    @Test
    void gradientsMatchFiniteDifferences() {
        Random rnd = new Random(3);
        INDArray a = gaussian(6, 3, rnd);
        INDArray w = gaussian(5, 3, rnd);
        INDArray b = gaussian(1, 5, rnd).muli(0.3);
        double lambda = 0.1;
        SparseAutoencoder.Weights tied = new SparseAutoencoder.Weights(w, b, w, null);
        SparseAutoencoder.Weights untied = new SparseAutoencoder.Weights(w, b, gaussian(5, 3, rnd), gaussian(1, 3, rnd).muli(0.3));
        for (SparseAutoencoder.Weights weights : List.of(tied, untied)) {
            SparseAutoencoder.Step step = new SparseAutoencoder.Step(6, weights);
            step.run(a, weights, lambda);
            FiniteDifferences.assertGradients(() -> {
                SparseAutoencoder.Step fresh = new SparseAutoencoder.Step(6, weights);
                fresh.run(a, weights, lambda);
                return fresh.loss(lambda);
            }, weights.parameters(), step.gradients);
        }
    }

    /** The published settings but a learning rate of 1e-2: the same comparison in a tenth of the epochs. */
    @Test
    void warmStartConvergesInFewerEpochsThanCold() {
        SparseAutoencoder.Settings s = new SparseAutoencoder.Settings(4, 0.1, 1e-2, 128, 10, 2, 500, 1e-3, 0, true, 0, 0, 0);
        Activations epoch1 = SparseFeatures.rows(2000, 6, 12, 1);
        Activations epoch2 = nudged(epoch1, 0.01, 2);
        SparseAutoencoder first = SparseAutoencoder.train(epoch1, s);
        SparseAutoencoder cold = SparseAutoencoder.train(epoch2, s);
        SparseAutoencoder warm = first.continueTraining(epoch2, s);
        assertTrue(warm.training().warmStarted() && !cold.training().warmStarted());
        assertTrue(warm.training().epochs() < cold.training().epochs(),
                "warm " + warm.training() + " against cold " + cold.training());
        assertTrue(warm.training().finalLoss() <= 1.05 * cold.training().finalLoss(), "warm " + warm.training() + ", cold " + cold.training());
    }

    /**
     * On the rows it converged on, a warm start (weights and Adam's moments carried over) finds nothing to improve:
     * it stops after warmPatience + 1 epochs at the cold training's loss, not knocked off the optimum as a fresh
     * Adam's first steps (about the learning rate on every weight) would knock it.
     */
    @Test
    void aWarmStartOnTheSameRowsStaysAtTheOptimum() {
        SparseAutoencoder.Settings s = new SparseAutoencoder.Settings(4, 0.1, 1e-2, 128, 10, 2, 500, 1e-3, 0, true, 0, 0, 0);
        Activations x = SparseFeatures.rows(2000, 6, 12, 1);
        SparseAutoencoder cold = SparseAutoencoder.train(x, s);
        SparseAutoencoder warm = cold.continueTraining(x, s);
        assertTrue(cold.training().stoppedEarly(), cold.training().toString());
        assertEquals(s.warmPatience() + 1, warm.training().epochs(), warm.training().toString());
        assertEquals(cold.training().finalLoss(), warm.training().finalLoss(), 0.01 * cold.training().finalLoss());
    }

    @Test
    void trainingIsSeededAndWarmStartNeedsTheSameShape() {
        SparseAutoencoder.Settings s = SparseAutoencoder.Settings.defaults();
        Activations x = SparseFeatures.rows(500, 3, 6, 5);
        SparseAutoencoder a = SparseAutoencoder.train(x, s);
        assertEquals(a.training(), SparseAutoencoder.train(x, s).training());
        assertEquals(24, a.dictionarySize());
        assertThrows(IllegalArgumentException.class, () -> a.continueTraining(SparseFeatures.rows(500, 3, 7, 5), s));
        assertThrows(IllegalArgumentException.class, () -> new SparseAutoencoder.Settings(4, 0.1, 1e-3, 128, 0, 2, 100, 1e-3, 0, true, 0, 0, 0));
    }

    /** x + Gaussian noise of standard deviation {@code sd}: "the next recorded epoch" of a layer. */
    private static Activations nudged(Activations x, double sd, long seed) {
        Random rnd = new Random(seed);
        float[] v = new float[x.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (x.getFlat(i) + sd * rnd.nextGaussian());
        }
        return Activations.wrap(v, x.rows(), x.columns());
    }
}
