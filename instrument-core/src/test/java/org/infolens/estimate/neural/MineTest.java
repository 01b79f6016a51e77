package org.infolens.estimate.neural;

/** The kit on mine: tolerances are its errors at the kit's budget (N = 1,000, 30 epochs) with a margin. */
class MineTest extends NeuralEstimatorContract {

    @Override
    String family() {
        return "mine";
    }

    @Override
    double[] tolerancesBits() {
        return new double[] {0.2, 0.05, 0.4};
    }
}
