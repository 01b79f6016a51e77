package org.infolens.superposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ToyModelTest {

    @Test
    void gradientsMatchFiniteDifferences() {
        SplittableRandom rnd = new SplittableRandom(4);
        ToyModel.Settings s = new ToyModel.Settings(6, 2, 0.5, 0.7, 1e-3, 1e-2, 8, 0, 1);
        INDArray x = ToyModel.sample(s, 8, rnd).castTo(DataType.DOUBLE);
        INDArray w = Nd4j.randn(DataType.DOUBLE, 6, 2);
        INDArray b = Nd4j.randn(DataType.DOUBLE, 1, 6).muli(0.1);
        INDArray importance = ToyModel.importance(s).castTo(DataType.DOUBLE);
        INDArray[] grads = new INDArray[2];
        ToyModel.lossAndGradients(x, w, b, importance, grads);
        FiniteDifferences.assertGradients(() -> ToyModel.lossAndGradients(x, w, b, importance, new INDArray[2]), new INDArray[] {w, b},
                grads);
    }

    /**
     * Elhage et al.'s phase change: dense inputs keep about m features (||W||^2 / m near 1), very
     * sparse ones pack many more (toward n / m = 4). Short training, so generous margins.
     */
    @Test
    void sparseInputsAreSuperposedAndDenseOnesAreNot() {
        ToyModel dense = ToyModel.train(ToyModel.Settings.paper(0.0, 1).withSteps(3000));
        ToyModel sparse = ToyModel.train(ToyModel.Settings.paper(0.99, 1).withSteps(3000));
        assertEquals(1.0, dense.superposition(), 0.25, "dense: " + dense.superposition());
        assertTrue(sparse.superposition() > 2, "sparse: " + sparse.superposition());
    }
}
