package org.infolens.superposition;

import java.util.Random;
import org.infolens.config.Config;
import org.infolens.config.Param;
import org.infolens.config.ParameterSet;
import org.infolens.data.Activations;
import org.infolens.numeric.AdamOptimizer;
import org.infolens.numeric.RandomRows;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The sparse autoencoder of Bereska et al. (2025): tied weights W (D x width), codes
 * z = ReLU(W a + b), reconstruction W^T z (no decoder bias), loss = mean squared error over all
 * entries + lambda * mean |z| over all codes, Adam, minibatches of seeded shuffled rows, stopped when
 * the epoch's training loss (the mean of its minibatch losses) has not improved by a relative
 * {@code minImprovement} for {@code patience} epochs, or at {@code maxEpochs}. Float32 GEMMs (the
 * activations are float32 anyway); a trained autoencoder can continue on new rows of the same width
 * (warm start), which is how a run is tracked epoch after epoch.
 */
public final class SparseAutoencoder {

    /** Rows encoded at a time when summing codes: bounds the N x D code matrix held at once. */
    private static final int ENCODE_BLOCK = 2048;

    /**
     * How to train.
     *
     * @param dictionaryRatio D / width
     * @param lambda          weight of the L1 penalty mean |z|
     * @param minImprovement  relative decrease of the epoch loss that counts as an improvement
     */
    public record Settings(int dictionaryRatio, double lambda, double learningRate, int batch, int patience, int maxEpochs,
                           double minImprovement, long seed) {

        public static final Param<Integer> DICTIONARY_RATIO = Param.integer("dictionaryRatio", 4, "dictionary size D = ratio x width")
                .check(r -> r >= 1, ">= 1");
        public static final Param<Double> LAMBDA = Param.real("lambda", 0.1, "weight of the L1 penalty mean |z|").check(l -> l >= 0, ">= 0");
        public static final Param<Double> LEARNING_RATE = Param.real("learningRate", 1e-3, "Adam's learning rate").check(r -> r > 0, "> 0");
        public static final Param<Integer> BATCH = Param.integer("batch", 128, "minibatch size").check(b -> b >= 1, ">= 1");
        public static final Param<Integer> PATIENCE = Param.integer("patience", 10, "epochs without improvement before stopping")
                .check(p -> p >= 1, ">= 1");
        public static final Param<Integer> MAX_EPOCHS = Param.integer("maxEpochs", 500, "cap on the epochs of one training")
                .check(e -> e >= 1, ">= 1");
        public static final Param<Double> MIN_IMPROVEMENT = Param.real("minImprovement", 1e-3, "relative decrease of the epoch loss"
                + " that counts as an improvement").check(m -> m >= 0 && m < 1, "in [0, 1)");
        public static final Param<Long> SEED = Param.seed("seed", "seed of the row draw, the initial weights and the minibatch order");
        /** The published setup (D = 4 width, lambda 0.1, Adam 1e-3, batch 128, patience 10), 1e-3 and 500 epochs at most. */
        public static final ParameterSet PARAMETERS = ParameterSet.of(DICTIONARY_RATIO, LAMBDA, LEARNING_RATE, BATCH, PATIENCE,
                MAX_EPOCHS, MIN_IMPROVEMENT, SEED);

        private static final String OWNER = "sparse autoencoder";

        public static Settings defaults() {
            return of(PARAMETERS.defaults(OWNER));
        }

        /** The settings of a configuration that declares them. */
        public static Settings of(Config c) {
            return new Settings(c.get(DICTIONARY_RATIO), c.get(LAMBDA), c.get(LEARNING_RATE), c.get(BATCH), c.get(PATIENCE),
                    c.get(MAX_EPOCHS), c.get(MIN_IMPROVEMENT), c.get(SEED));
        }

        public Settings {
            DICTIONARY_RATIO.requireValid(OWNER, dictionaryRatio);
            LAMBDA.requireValid(OWNER, lambda);
            LEARNING_RATE.requireValid(OWNER, learningRate);
            BATCH.requireValid(OWNER, batch);
            PATIENCE.requireValid(OWNER, patience);
            MAX_EPOCHS.requireValid(OWNER, maxEpochs);
            MIN_IMPROVEMENT.requireValid(OWNER, minImprovement);
        }
    }

    /**
     * How the last training went.
     *
     * @param epochs       epochs trained (this call only, when warm-started)
     * @param finalLoss    the last epoch's training loss
     * @param stoppedEarly true when patience ran out, false when {@code maxEpochs} did
     * @param warmStarted  true when training continued from earlier weights
     */
    public record Training(int epochs, double finalLoss, boolean stoppedEarly, boolean warmStarted) {
    }

    private final INDArray weights; // D x width, float32
    private final INDArray bias; // 1 x D
    private final Training training;

    private SparseAutoencoder(INDArray weights, INDArray bias, Training training) {
        this.weights = weights;
        this.bias = bias;
        this.training = training;
    }

    /** Trains from seeded random weights (Gaussian, rows of norm about 1) and zero biases. */
    public static SparseAutoencoder train(Activations rows, Settings s) {
        int width = rows.columns();
        int dictionary = s.dictionaryRatio() * width;
        Random rnd = new Random(s.seed());
        float[] w = new float[dictionary * width];
        double scale = 1 / Math.sqrt(width);
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (scale * rnd.nextGaussian());
        }
        INDArray weights = Nd4j.create(w, new long[] {dictionary, width}, 'c');
        return fit(rows, weights, Nd4j.zeros(DataType.FLOAT, 1, dictionary), s, false);
    }

    /** Continues training on {@code rows} from this autoencoder's weights (kept unchanged); Adam starts afresh. */
    public SparseAutoencoder continueTraining(Activations rows, Settings s) {
        if (rows.columns() != width() || s.dictionaryRatio() * rows.columns() != dictionarySize()) {
            throw new IllegalArgumentException("a warm start needs the same width and dictionary: trained on " + width() + " -> "
                    + dictionarySize() + ", given " + rows.columns() + " columns with ratio " + s.dictionaryRatio());
        }
        return fit(rows, weights.dup(), bias.dup(), s, true);
    }

    public int width() {
        return (int) weights.columns();
    }

    public int dictionarySize() {
        return (int) weights.rows();
    }

    public Training training() {
        return training;
    }

    /** sum over rows of z_i = sum |z_i| (codes are ReLUs), per dictionary feature, in double. */
    public double[] featureMass(Activations rows) {
        float[] data = floats(rows);
        int width = width();
        double[] mass = new double[dictionarySize()];
        for (int from = 0; from < rows.rows(); from += ENCODE_BLOCK) {
            int count = Math.min(ENCODE_BLOCK, rows.rows() - from);
            float[] block = new float[count * width];
            System.arraycopy(data, from * width, block, 0, block.length);
            INDArray pre = Nd4j.gemm(Nd4j.create(block, new long[] {count, width}, 'c'), weights, false, true).addiRowVector(bias);
            float[] codes = pre.data().asFloat();
            for (int i = 0; i < codes.length; i++) {
                if (codes[i] > 0) {
                    mass[i % mass.length] += codes[i];
                }
            }
        }
        return mass;
    }

    private static SparseAutoencoder fit(Activations rows, INDArray weights, INDArray bias, Settings s, boolean warm) {
        int n = rows.rows();
        int width = rows.columns();
        float[] data = floats(rows);
        Random rnd = new Random(s.seed());
        AdamOptimizer adam = new AdamOptimizer(new INDArray[] {weights, bias}, s.learningRate(), 0);
        INDArray[] grads = new INDArray[2];
        int[] order = java.util.stream.IntStream.range(0, n).toArray();
        double best = Double.POSITIVE_INFINITY;
        double loss = Double.NaN;
        int stale = 0;
        int epoch = 0;
        while (epoch < s.maxEpochs() && stale < s.patience()) {
            RandomRows.shuffle(order, rnd);
            double sum = 0;
            for (int from = 0; from < n; from += s.batch()) {
                int to = Math.min(n, from + s.batch());
                float[] batch = new float[(to - from) * width]; // gathered in Java: ND4J's getRows is slow
                for (int r = from; r < to; r++) {
                    System.arraycopy(data, order[r] * width, batch, (r - from) * width, width);
                }
                sum += lossAndGradients(Nd4j.create(batch, new long[] {to - from, width}, 'c'), weights, bias, s.lambda(), grads)
                        * (to - from);
                adam.step(grads);
            }
            loss = sum / n;
            epoch++;
            if (!Double.isFinite(loss)) {
                throw new IllegalArgumentException("sparse autoencoder training diverged (loss " + loss + " at epoch " + epoch + ")");
            }
            if (loss < best * (1 - s.minImprovement())) {
                best = loss;
                stale = 0;
            } else {
                stale++;
            }
        }
        return new SparseAutoencoder(weights, bias, new Training(epoch, loss, stale >= s.patience(), warm));
    }

    /**
     * Loss of one batch {@code a} (B x width) under weights w (D x width) and bias b (1 x D); fills
     * {@code grads} with dLoss/dw (both the encoder's and the decoder's use of the tied w) and dLoss/db.
     * Works in the arrays' data type (double in the finite-difference test).
     */
    static double lossAndGradients(INDArray a, INDArray w, INDArray b, double lambda, INDArray[] grads) {
        double rows = a.rows();
        double width = a.columns();
        double dictionary = w.rows();
        INDArray pre = Nd4j.gemm(a, w, false, true).addiRowVector(b); // Nd4j.gemm: a fifth of mmul's per-call cost
        INDArray active = pre.gt(0).castTo(a.dataType());
        INDArray z = pre.muli(active);
        INDArray residual = Nd4j.gemm(z, w, false, false).subi(a);
        double rootSquares = residual.norm2Number().doubleValue();
        double loss = rootSquares * rootSquares / (rows * width) + lambda * z.sumNumber().doubleValue() / (rows * dictionary);
        INDArray dReconstruction = residual.muli(2 / (rows * width));
        // d|z|/dz = 1 where z > 0; the ReLU's mask below zeroes the rest
        INDArray dPre = Nd4j.gemm(dReconstruction, w, false, true).addi(lambda / (rows * dictionary)).muli(active);
        INDArray gradW = Nd4j.gemm(z, dReconstruction, true, false); // the decoder's use of w ...
        Nd4j.gemm(dPre, a, gradW, true, false, 1, 1); // ... plus the encoder's
        grads[0] = gradW;
        grads[1] = dPre.sum(true, 0);
        return loss;
    }

    private static float[] floats(Activations rows) {
        float[] v = new float[rows.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rows.getFlat(i); // the autoencoder trains in float32, on float64 activations too
        }
        return v;
    }

    @Override
    public String toString() {
        return "SparseAutoencoder[" + width() + " -> " + dictionarySize() + ", " + training + "]";
    }
}
