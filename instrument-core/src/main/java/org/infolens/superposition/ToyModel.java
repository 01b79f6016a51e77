package org.infolens.superposition;

import java.util.SplittableRandom;
import org.infolens.numeric.AdamOptimizer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The toy model of superposition (Elhage et al. 2022), the ground truth for effective features:
 * n sparse features x_i ~ U[0, 1] with probability 1 - S (else 0) squeezed into m hidden dimensions,
 * h = x W (W n x m), reconstruction x' = ReLU(h W^T + b), loss = mean over the batch of
 * sum_i I_i (x_i - x'_i)^2 with importance I_i = decay^i. Trained with AdamW on fresh batches each step.
 * How much the model superposes is ||W||_F^2 / m: about 1 when it keeps m features (dense inputs),
 * rising toward n / m when it packs all of them (sparse inputs).
 *
 * @see Settings#paper for the published configuration
 */
public final class ToyModel {

    /**
     * The model and its training.
     *
     * @param weightDecay AdamW's decoupled decay; 1e-2 is PyTorch's default, which Elhage et al.'s AdamW used
     */
    public record Settings(int features, int hidden, double sparsity, double importanceDecay, double learningRate,
                           double weightDecay, int batch, int steps, long seed) {

        /** n = 20, m = 5, importance 0.7^i, AdamW lr 1e-3 (weight decay 1e-2), batch 1024, 10,000 steps. */
        public static Settings paper(double sparsity, long seed) {
            return new Settings(20, 5, sparsity, 0.7, 1e-3, 1e-2, 1024, 10_000, seed);
        }

        public Settings {
            if (features < 1 || hidden < 1 || batch < 1 || steps < 0) {
                throw new IllegalArgumentException("toy model needs features, hidden, batch >= 1 and steps >= 0, got " + features + ", "
                        + hidden + ", " + batch + ", " + steps);
            }
            if (!(sparsity >= 0 && sparsity < 1)) {
                throw new IllegalArgumentException("sparsity S must be in [0, 1), got " + sparsity);
            }
            if (!(importanceDecay > 0 && importanceDecay <= 1)) {
                throw new IllegalArgumentException("importance decay must be in (0, 1], got " + importanceDecay);
            }
        }

        public Settings withSteps(int n) {
            return new Settings(features, hidden, sparsity, importanceDecay, learningRate, weightDecay, batch, n, seed);
        }
    }

    private final Settings settings;
    private final INDArray weights; // n x m
    private final INDArray bias; // 1 x n
    private final double finalLoss;

    private ToyModel(Settings settings, INDArray weights, INDArray bias, double finalLoss) {
        this.settings = settings;
        this.weights = weights;
        this.bias = bias;
        this.finalLoss = finalLoss;
    }

    /** Trains from Xavier-normal weights and zero biases, every batch freshly drawn; seeded. */
    public static ToyModel train(Settings s) {
        SplittableRandom rnd = new SplittableRandom(s.seed());
        double[] w = new double[s.features() * s.hidden()];
        double xavier = Math.sqrt(2.0 / (s.features() + s.hidden()));
        for (int i = 0; i < w.length; i++) {
            w[i] = xavier * rnd.nextGaussian();
        }
        INDArray weights = Nd4j.create(w, new long[] {s.features(), s.hidden()}, DataType.FLOAT);
        INDArray bias = Nd4j.zeros(DataType.FLOAT, 1, s.features());
        INDArray importance = importance(s);
        AdamOptimizer adamW = new AdamOptimizer(new INDArray[] {weights, bias}, s.learningRate(), s.weightDecay());
        INDArray[] grads = new INDArray[2];
        double loss = Double.NaN;
        for (int step = 0; step < s.steps(); step++) {
            loss = lossAndGradients(sample(s, s.batch(), rnd), weights, bias, importance, grads);
            adamW.step(grads);
        }
        return new ToyModel(s, weights, bias, loss);
    }

    /**
     * {@code rows} fresh inputs x (rows x n): each entry U[0, 1] with probability 1 - S, else 0. One
     * uniform u per entry: given u >= S, (u - S) / (1 - S) is U[0, 1) (half the draws of two; the
     * draws, not the arithmetic, are what training the toy costs).
     */
    public static INDArray sample(Settings s, int rows, SplittableRandom rnd) {
        float[] x = new float[rows * s.features()];
        double sparsity = s.sparsity();
        double scale = 1 / (1 - sparsity);
        for (int i = 0; i < x.length; i++) {
            double u = rnd.nextDouble();
            x[i] = u < sparsity ? 0f : (float) ((u - sparsity) * scale);
        }
        return Nd4j.create(x, new long[] {rows, s.features()}, 'c');
    }

    /** The hidden activations h = x W (rows x m). */
    public INDArray hidden(INDArray x) {
        return Nd4j.gemm(x, weights, false, false);
    }

    /** ||W||_F^2 / m: the reference superposition. */
    public double superposition() {
        double norm = weights.norm2Number().doubleValue();
        return norm * norm / settings.hidden();
    }

    public double finalLoss() {
        return finalLoss;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Loss of one batch x (B x n); fills {@code grads} with dLoss/dW (the encoder's and the decoder's
     * use of the tied W) and dLoss/db. Works in the arrays' data type.
     */
    static double lossAndGradients(INDArray x, INDArray w, INDArray b, INDArray importance, INDArray[] grads) {
        double rows = x.rows();
        INDArray h = Nd4j.gemm(x, w, false, false);
        INDArray out = Nd4j.gemm(h, w, false, true).addiRowVector(b);
        INDArray active = out.gt(0).castTo(x.dataType());
        INDArray error = out.muli(active).subi(x); // x' - x
        INDArray weighted = error.mulRowVector(importance);
        double loss = weighted.mul(error).sumNumber().doubleValue() / rows;
        INDArray dOut = weighted.muli(2 / rows).muli(active);
        INDArray gradW = Nd4j.gemm(dOut, h, true, false); // the decoder's use of W ...
        Nd4j.gemm(x, Nd4j.gemm(dOut, w, false, false), gradW, true, false, 1, 1); // ... plus the encoder's
        grads[0] = gradW;
        grads[1] = dOut.sum(true, 0);
        return loss;
    }

    static INDArray importance(Settings s) {
        float[] v = new float[s.features()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.pow(s.importanceDecay(), i);
        }
        return Nd4j.create(v, new long[] {1, v.length}, 'c');
    }

    @Override
    public String toString() {
        return "ToyModel" + settings;
    }
}
