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
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.reduce.floating.SquaredNorm;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinearDerivative;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The sparse autoencoder of Bereska et al. (2025) and its untied variant. Tied (the paper's): weights W
 * (D x width), codes z = ReLU(W a + b), reconstruction W^T z, loss = mean squared error over all
 * entries + lambda * mean |z| over all codes. Untied (current sparse-autoencoder practice): encoder E
 * and decoder rows d_i (both D x width), a decoder bias c, reconstruction sum_i z_i d_i + c, and the
 * L1 term weighted by each decoder row's norm, lambda * mean z_i ||d_i|| (without that weight the
 * penalty is escaped by shrinking z and growing d); a feature's mass is then z_i ||d_i||, its code in
 * the gauge where decoder rows have unit norm. Adam, minibatches of seeded shuffled rows, stopped when
 * the epoch's training loss (the mean of its minibatch losses) has not improved by a relative
 * {@code minImprovement} for {@code patience} epochs, when F has settled (optional, {@code stableF}),
 * or at {@code maxEpochs}. Atoms that fired on
 * no row of an epoch are dead: up to {@code resamples} times they are re-initialised along the
 * residuals of rows drawn in proportion to their squared error (Bricken et al. 2023) and training
 * re-converges from a fresh optimiser. Float32 GEMMs into buffers allocated once per training; a
 * trained autoencoder can continue on new rows of the same width (warm start), which is how a run is
 * tracked epoch after epoch: it goes on from its weights and Adam's moments and stops after
 * {@code warmPatience} epochs without improvement (it starts at the previous rows' optimum).
 */
public final class SparseAutoencoder {

    /** Rows encoded at a time when summing codes: bounds the N x D code matrix held at once. */
    private static final int ENCODE_BLOCK = 2048;

    /**
     * How to train.
     *
     * @param dictionaryRatio D / width
     * @param lambda          weight of the L1 penalty mean |z| (untied: mean z_i ||d_i||)
     * @param patience        epochs without improvement before a cold training stops
     * @param warmPatience    the same for a warm-started one, which starts at the previous optimum with Adam's state
     * @param minImprovement  relative decrease of the epoch loss that counts as an improvement
     * @param stableF         also stop when F of an epoch's code masses is within this fraction of the previous epoch's (0: off)
     * @param tied            the paper's tied weights; false: untied decoder with bias and norm-weighted L1
     * @param resamples       rounds of dead-atom resampling at most (0: none)
     * @param initialBias     encoder biases start at -initialBias x the rows' root mean square entry (0: at 0)
     */
    public record Settings(int dictionaryRatio, double lambda, double learningRate, int batch, int patience, int warmPatience,
                           int maxEpochs, double minImprovement, double stableF, boolean tied, int resamples, double initialBias,
                           long seed) {

        public static final Param<Integer> DICTIONARY_RATIO = Param.integer("dictionaryRatio", 4, "dictionary size D = ratio x width")
                .check(r -> r >= 1, ">= 1");
        public static final Param<Double> LAMBDA = Param.real("lambda", 0.1, "weight of the L1 penalty mean |z|").check(l -> l >= 0, ">= 0");
        public static final Param<Double> LEARNING_RATE = Param.real("learningRate", 1e-3, "Adam's learning rate").check(r -> r > 0, "> 0");
        public static final Param<Integer> BATCH = Param.integer("batch", 128, "minibatch size").check(b -> b >= 1, ">= 1");
        public static final Param<Integer> PATIENCE = Param.integer("patience", 10, "epochs without improvement before stopping")
                .check(p -> p >= 1, ">= 1");
        public static final Param<Integer> WARM_PATIENCE = Param.integer("warmPatience", 2, "epochs without improvement before a"
                + " warm-started training stops (it starts at the previous recorded epoch's optimum)").check(p -> p >= 1, ">= 1");
        public static final Param<Integer> MAX_EPOCHS = Param.integer("maxEpochs", 500, "cap on the epochs of one training")
                .check(e -> e >= 1, ">= 1");
        public static final Param<Double> MIN_IMPROVEMENT = Param.real("minImprovement", 1e-3, "relative decrease of the epoch loss"
                + " that counts as an improvement").check(m -> m >= 0 && m < 1, "in [0, 1)");
        public static final Param<Double> STABLE_F = Param.real("stableF", 0.0, "also stop when F of an epoch's code masses is within"
                + " this fraction of the previous epoch's (0: off)").check(f -> f >= 0 && f < 1, "in [0, 1)");
        public static final Param<Boolean> TIED = Param.flag("tied", true, "tied encoder and decoder (the paper's); false: untied"
                + " decoder with a bias and the L1 penalty weighted by decoder norms");
        public static final Param<Integer> RESAMPLES = Param.integer("resamples", 0, "rounds of dead-atom resampling, each followed by"
                + " re-convergence").check(r -> r >= 0, ">= 0");
        public static final Param<Double> INITIAL_BIAS = Param.real("initialBias", 0.0, "encoder biases start at -initialBias x the"
                + " rows' root mean square entry, which is the spread of a random unit atom's pre-activations: each atom starts firing on"
                + " the rows most aligned with it (0: zero biases, every atom firing on about half the rows)").check(b -> b >= 0, ">= 0");
        public static final Param<Long> SEED = Param.seed("seed", "seed of the row draw, the initial weights and the minibatch order");
        /** The published setup (D = 4 width, lambda 0.1, Adam 1e-3, batch 128, patience 10), 1e-3 and 500 epochs at most. */
        public static final ParameterSet PARAMETERS = ParameterSet.of(DICTIONARY_RATIO, LAMBDA, LEARNING_RATE, BATCH, PATIENCE,
                WARM_PATIENCE, MAX_EPOCHS, MIN_IMPROVEMENT, STABLE_F, TIED, RESAMPLES, INITIAL_BIAS, SEED);

        private static final String OWNER = "sparse autoencoder";

        public static Settings defaults() {
            return of(PARAMETERS.defaults(OWNER));
        }

        /** The settings of a configuration that declares them. */
        public static Settings of(Config c) {
            return new Settings(c.get(DICTIONARY_RATIO), c.get(LAMBDA), c.get(LEARNING_RATE), c.get(BATCH), c.get(PATIENCE),
                    c.get(WARM_PATIENCE), c.get(MAX_EPOCHS), c.get(MIN_IMPROVEMENT), c.get(STABLE_F), c.get(TIED), c.get(RESAMPLES),
                    c.get(INITIAL_BIAS), c.get(SEED));
        }

        public Settings {
            DICTIONARY_RATIO.requireValid(OWNER, dictionaryRatio);
            LAMBDA.requireValid(OWNER, lambda);
            LEARNING_RATE.requireValid(OWNER, learningRate);
            BATCH.requireValid(OWNER, batch);
            PATIENCE.requireValid(OWNER, patience);
            WARM_PATIENCE.requireValid(OWNER, warmPatience);
            MAX_EPOCHS.requireValid(OWNER, maxEpochs);
            MIN_IMPROVEMENT.requireValid(OWNER, minImprovement);
            STABLE_F.requireValid(OWNER, stableF);
            RESAMPLES.requireValid(OWNER, resamples);
            INITIAL_BIAS.requireValid(OWNER, initialBias);
        }
    }

    /**
     * How the last training went.
     *
     * @param epochs       epochs trained (this call only, when warm-started)
     * @param finalLoss    the last epoch's training loss
     * @param stoppedEarly true when patience ran out, false when {@code maxEpochs} did
     * @param warmStarted  true when training continued from earlier weights
     * @param resampled    dead atoms re-initialised (all rounds together)
     */
    public record Training(int epochs, double finalLoss, boolean stoppedEarly, boolean warmStarted, int resampled) {
    }

    /**
     * The parameters: tied, {@code decoder == encoder} and {@code decoderBias == null}. Encoder and
     * decoder are D x width, biases 1 x D and 1 x width.
     */
    record Weights(INDArray encoder, INDArray encoderBias, INDArray decoder, INDArray decoderBias) {

        boolean tied() {
            return decoder == encoder;
        }

        INDArray[] parameters() {
            return tied() ? new INDArray[] {encoder, encoderBias} : new INDArray[] {encoder, encoderBias, decoder, decoderBias};
        }

        Weights dup() {
            INDArray e = encoder.dup();
            return tied() ? new Weights(e, encoderBias.dup(), e, null) : new Weights(e, encoderBias.dup(), decoder.dup(), decoderBias.dup());
        }

        /** ||d_i|| per dictionary row (1 x D); ones when tied, whose penalty and mass are the paper's plain |z|. */
        INDArray decoderNorms() {
            return tied() ? Nd4j.ones(encoder.dataType(), 1, encoder.rows()) : decoder.norm2(true, 1).reshape(1, decoder.rows());
        }
    }

    private final Weights weights;
    private final Training training;
    private final AdamOptimizer optimizer; // its state at the end of training, which a warm start goes on from

    private SparseAutoencoder(Weights weights, Training training, AdamOptimizer optimizer) {
        this.weights = weights;
        this.training = training;
        this.optimizer = optimizer;
    }

    /**
     * Trains from seeded random weights (Gaussian, rows of norm about 1; untied: the decoder starts as the encoder), encoder
     * biases at -{@code initialBias} x the rows' root mean square entry and a zero decoder bias. With zero biases every atom
     * fires on about half the rows and the codes stay dense, F near D, for tens of epochs before the atoms specialise;
     * negative biases make the codes sparse from the first step, so each atom learns from the rows it is most aligned with.
     */
    public static SparseAutoencoder train(Activations rows, Settings s) {
        int width = rows.columns();
        int dictionary = s.dictionaryRatio() * width;
        Random rnd = new Random(s.seed());
        float[] w = new float[dictionary * width];
        double scale = 1 / Math.sqrt(width);
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (scale * rnd.nextGaussian());
        }
        INDArray encoder = Nd4j.create(w, new long[] {dictionary, width}, 'c');
        INDArray encoderBias = Nd4j.valueArrayOf(new long[] {1, dictionary}, -s.initialBias() * rootMeanSquare(rows), DataType.FLOAT);
        Weights start = s.tied() ? new Weights(encoder, encoderBias, encoder, null)
                : new Weights(encoder, encoderBias, encoder.dup(), Nd4j.zeros(DataType.FLOAT, 1, width));
        return fit(rows, start, s, null);
    }

    /**
     * Continues training on {@code rows} from this autoencoder's weights and Adam's moments (both kept unchanged
     * here), stopping after {@code warmPatience} epochs without improvement.
     */
    public SparseAutoencoder continueTraining(Activations rows, Settings s) {
        if (rows.columns() != width() || s.dictionaryRatio() * rows.columns() != dictionarySize() || s.tied() != weights.tied()) {
            throw new IllegalArgumentException("a warm start needs the same width, dictionary and tying: trained on " + width() + " -> "
                    + dictionarySize() + (weights.tied() ? " tied" : " untied") + ", given " + rows.columns() + " columns with ratio "
                    + s.dictionaryRatio() + (s.tied() ? " tied" : " untied"));
        }
        return fit(rows, weights.dup(), s, optimizer);
    }

    public int width() {
        return (int) weights.encoder().columns();
    }

    public int dictionarySize() {
        return (int) weights.encoder().rows();
    }

    public Training training() {
        return training;
    }

    /**
     * Each dictionary feature's L1 mass over the rows, in double: sum over rows of z_i (codes are
     * ReLUs), times ||d_i|| when untied.
     */
    public double[] featureMass(Activations rows) {
        INDArray data = matrix(rows);
        INDArray norms = weights.decoderNorms();
        INDArray mass = Nd4j.zeros(DataType.DOUBLE, 1, dictionarySize());
        for (int from = 0; from < rows.rows(); from += ENCODE_BLOCK) {
            int to = Math.min(rows.rows(), from + ENCODE_BLOCK);
            INDArray z = Transforms.relu(Nd4j.gemm(data.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()), weights.encoder(), false, true)
                    .addiRowVector(weights.encoderBias()), false);
            mass.addi(z.sum(true, 0).castTo(DataType.DOUBLE));
        }
        return mass.muli(norms.castTo(DataType.DOUBLE)).toDoubleVector();
    }

    /**
     * Groups of atoms that are one feature: atoms whose decoder directions have a cosine of at least
     * {@code cosine} are joined (transitively). {@code group[i]} is the smallest atom index of atom i's
     * group. A split feature (two atoms along one direction, sharing its rows by magnitude) is one
     * group; distinct features in superposition are not (in d dimensions, even packed ones have
     * cosines well below 0.9).
     */
    public int[] parallelGroups(double cosine) {
        INDArray unit = weights.decoder().divColumnVector(weights.decoder().norm2(true, 1).addi(1e-12));
        float[] gram = Nd4j.gemm(unit, unit, false, true).data().asFloat();
        int d = dictionarySize();
        int[] group = new int[d];
        for (int i = 0; i < d; i++) {
            group[i] = i;
        }
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                if (gram[i * d + j] >= cosine) {
                    int a = root(group, i);
                    int b = root(group, j);
                    group[Math.max(a, b)] = Math.min(a, b);
                }
            }
        }
        for (int i = 0; i < d; i++) {
            group[i] = root(group, i);
        }
        return group;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Trains {@code w} in place; {@code resumed} (a warm start) is the optimiser of the weights {@code w} copies, or null. */
    private static SparseAutoencoder fit(Activations rows, Weights w, Settings s, AdamOptimizer resumed) {
        boolean warm = resumed != null;
        int n = rows.rows();
        INDArray data = matrix(rows);
        Random rnd = new Random(s.seed());
        AdamOptimizer adam = warm ? resumed.continuedOn(w.parameters(), s.learningRate()) : new AdamOptimizer(w.parameters(), s.learningRate(), 0);
        int patience = warm ? s.warmPatience() : s.patience();
        Step full = new Step(Math.min(s.batch(), n), w);
        Step last = n % full.rows == 0 ? full : new Step(n % full.rows, w);
        int[] order = java.util.stream.IntStream.range(0, n).toArray();
        // the epoch's sums stay in ND4J while it trains (no value is read back per step); its loss is read once at its end
        EpochSums sums = new EpochSums(w);
        double best = Double.POSITIVE_INFINITY;
        double loss = Double.NaN;
        int stale = 0;
        int epoch = 0;
        int resampleRounds = 0;
        int resampled = 0;
        double previousF = Double.NaN;
        boolean stable = false;
        while (epoch < s.maxEpochs() && stale < patience && !stable) {
            RandomRows.shuffle(order, rnd);
            INDArray shuffled = Nd4j.pullRows(data, 1, order); // one gather per epoch; the batches are views of it
            sums.clear();
            for (int from = 0; from < n; from += full.rows) {
                Step step = from + full.rows <= n ? full : last;
                step.run(shuffled.get(NDArrayIndex.interval(from, from + step.rows), NDArrayIndex.all()), w, s.lambda());
                sums.add(step);
                adam.step(step.gradients);
            }
            loss = sums.loss(n, s.lambda());
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
            if (s.stableF() > 0) { // the masses summed while the epoch trained: free, and what F is read from
                double f = EffectiveFeatures.fromMass(sums.codeMass.castTo(DataType.DOUBLE).muli(w.decoderNorms().castTo(DataType.DOUBLE))
                        .toDoubleVector());
                stable = Math.abs(f - previousF) <= s.stableF() * previousF;
                previousF = f;
            }
            if (resampleRounds < s.resamples() && epoch < s.maxEpochs()) {
                int[] dead = dead(sums.codeMass);
                if (dead.length > 0 && dead.length < sums.codeMass.length()) {
                    resample(data, w, dead, rnd);
                    adam = new AdamOptimizer(w.parameters(), s.learningRate(), 0);
                    resampleRounds++;
                    resampled += dead.length;
                    best = Double.POSITIVE_INFINITY; // re-converge: the new atoms start far from their optimum
                    stale = 0;
                    previousF = Double.NaN;
                    stable = false;
                }
            }
        }
        return new SparseAutoencoder(w, new Training(epoch, loss, stale >= patience || stable, warm, resampled), adam);
    }

    /**
     * One epoch's running sums, added to by each step inside ND4J: the squared reconstruction errors, the codes'
     * L1 mass per atom (what F is read from) and, untied, the penalty's mass (codes times the decoder norms of
     * their step). The epoch loss, the mean over batches of their losses weighted by their rows, is then
     * (squares / width + lambda penalty mass / D) / n.
     */
    private static final class EpochSums {
        final INDArray squares;
        final INDArray codeMass;
        final INDArray penaltyMass;
        private final long width;
        private final long dictionary;

        EpochSums(Weights w) {
            DataType t = w.encoder().dataType();
            width = w.encoder().columns();
            dictionary = w.encoder().rows();
            squares = Nd4j.scalar(t, 0.0);
            codeMass = Nd4j.zeros(t, 1, dictionary);
            penaltyMass = w.tied() ? codeMass : Nd4j.zeros(t, 1, dictionary);
        }

        void clear() {
            squares.assign(0);
            codeMass.assign(0);
            penaltyMass.assign(0);
        }

        void add(Step step) {
            squares.addi(step.squares);
            codeMass.addi(step.codeSums);
            if (penaltyMass != codeMass) {
                penaltyMass.addi(step.penaltySums);
            }
        }

        double loss(int n, double lambda) {
            return (squares.sumNumber().doubleValue() / width + lambda * penaltyMass.sumNumber().doubleValue() / dictionary) / n;
        }
    }

    private static int[] dead(INDArray codeMass) {
        float[] m = codeMass.toFloatVector();
        return java.util.stream.IntStream.range(0, m.length).filter(i -> m[i] == 0).toArray();
    }

    /**
     * Points each dead atom along the residual of a row drawn with probability proportional to its
     * squared reconstruction error: encoder row of the live atoms' mean norm, unit decoder row, zero bias.
     */
    private static void resample(INDArray data, Weights w, int[] dead, Random rnd) {
        int n = (int) data.rows();
        INDArray residuals = Nd4j.create(DataType.FLOAT, n, data.columns());
        for (int from = 0; from < n; from += ENCODE_BLOCK) {
            int to = Math.min(n, from + ENCODE_BLOCK);
            INDArray a = data.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            INDArray z = Transforms.relu(Nd4j.gemm(a, w.encoder(), false, true).addiRowVector(w.encoderBias()), false);
            INDArray r = a.sub(Nd4j.gemm(z, w.decoder(), false, false));
            if (!w.tied()) {
                r.subiRowVector(w.decoderBias());
            }
            residuals.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).assign(r);
        }
        double[] weight = residuals.norm2(1).castTo(DataType.DOUBLE).toDoubleVector();
        double total = 0;
        for (int i = 0; i < n; i++) {
            weight[i] = Math.pow(weight[i], 4); // squared error = ||r||^2; its square weighs the worst rows
            total += weight[i];
        }
        if (!(total > 0)) {
            return; // every row reconstructed exactly: nothing for a new atom to take
        }
        boolean[] isDead = new boolean[(int) w.encoder().rows()];
        for (int i : dead) {
            isDead[i] = true;
        }
        double liveNorm = 0;
        int live = 0;
        float[] encoderNorms = w.encoder().norm2(1).toFloatVector();
        for (int i = 0; i < isDead.length; i++) {
            if (!isDead[i]) {
                liveNorm += encoderNorms[i];
                live++;
            }
        }
        liveNorm /= live;
        for (int atom : dead) {
            double u = rnd.nextDouble() * total;
            int row = 0;
            while (row < n - 1 && (u -= weight[row]) > 0) {
                row++;
            }
            INDArray direction = residuals.getRow(row).dup();
            direction.divi(direction.norm2Number());
            w.encoder().getRow(atom).assign(direction.mul(liveNorm));
            w.encoderBias().putScalar(0, atom, 0);
            if (!w.tied()) {
                w.decoder().getRow(atom).assign(direction);
            }
        }
    }

    /**
     * One minibatch's buffers, allocated once per training, and the arithmetic of the loss and its gradients.
     * Every product writes into these buffers and every elementwise step works in place: a step allocates
     * nothing of the batch's or the weights' size. Tied, the weight gradient z^T dRec + dPre^T a is one product
     * of depth 2B: the codes and the pre-activations' gradient are stacked in one 2B x D buffer, the
     * reconstruction's gradient and the batch in one 2B x width buffer.
     */
    static final class Step {
        final int rows;
        final INDArray[] gradients;
        final INDArray squares; // scalar: the batch's sum of squared reconstruction errors
        final INDArray codeSums; // 1 x D: the batch's codes summed per atom
        final INDArray penaltySums; // 1 x D: what the L1 term sums, codeSums (times ||d_i|| untied)
        private final INDArray stackedCodes; // 2B x D: the codes z, then dLoss/d pre-activation
        private final INDArray codes;
        private final INDArray dPre;
        private final INDArray stackedRows; // 2B x width: dLoss/d reconstruction (first the residual), then the batch
        private final INDArray dReconstruction;
        private final INDArray batch;
        private final INDArray penaltyGradient; // D x width, untied only: the L1 term's gradient in the decoder

        Step(int rows, Weights w) {
            this.rows = rows;
            DataType t = w.encoder().dataType();
            long dictionary = w.encoder().rows();
            long width = w.encoder().columns();
            stackedCodes = Nd4j.create(t, 2L * rows, dictionary);
            codes = stackedCodes.get(NDArrayIndex.interval(0, rows), NDArrayIndex.all());
            dPre = stackedCodes.get(NDArrayIndex.interval(rows, 2 * rows), NDArrayIndex.all());
            stackedRows = Nd4j.create(t, 2L * rows, width);
            dReconstruction = stackedRows.get(NDArrayIndex.interval(0, rows), NDArrayIndex.all());
            batch = stackedRows.get(NDArrayIndex.interval(rows, 2 * rows), NDArrayIndex.all());
            squares = Nd4j.scalar(t, 0.0);
            codeSums = Nd4j.create(t, 1, dictionary);
            penaltySums = w.tied() ? codeSums : Nd4j.create(t, 1, dictionary);
            gradients = w.tied() ? new INDArray[] {Nd4j.create(t, dictionary, width), Nd4j.create(t, 1, dictionary)}
                    : new INDArray[] {Nd4j.create(t, dictionary, width), Nd4j.create(t, 1, dictionary), Nd4j.create(t, dictionary, width),
                        Nd4j.create(t, 1, width)};
            penaltyGradient = w.tied() ? null : Nd4j.create(t, dictionary, width);
        }

        /**
         * Runs the batch {@code a} (B x width): fills {@link #gradients} (dLoss/d of each of {@link Weights#parameters()}),
         * {@link #squares}, {@link #codeSums} and {@link #penaltySums}; reads no value back ({@link #loss} does). Works in
         * the arrays' data type (double in the finite-difference test).
         */
        void run(INDArray a, Weights w, double lambda) {
            double b = rows;
            double width = a.columns();
            double penalty = lambda / (b * w.encoder().rows());
            batch.assign(a);
            Nd4j.gemm(batch, w.encoder(), codes, false, true, 1, 0);
            Transforms.relu(codes.addiRowVector(w.encoderBias()), false);
            Nd4j.gemm(codes, w.decoder(), dReconstruction, false, false, 1, 0);
            if (!w.tied()) {
                dReconstruction.addiRowVector(w.decoderBias());
            }
            dReconstruction.subi(batch); // the residual
            Nd4j.exec(new SquaredNorm(dReconstruction, squares, false, new int[0])); // no dimensions: all entries
            dReconstruction.muli(2 / (b * width));
            codes.sum(codeSums, true, 0);
            INDArray norms = w.tied() ? null : w.decoderNorms();
            if (!w.tied()) {
                codeSums.mul(norms, penaltySums);
            }
            Nd4j.gemm(dReconstruction, w.decoder(), dPre, false, true, 1, 0);
            // d|z|/dz = 1 (times ||d_i|| untied) where z > 0; the ReLU's derivative zeroes the rest
            Nd4j.exec(new RectifiedLinearDerivative(codes, w.tied() ? dPre.addi(penalty) : dPre.addiRowVector(norms.mul(penalty)), dPre));
            dPre.sum(gradients[1], true, 0);
            if (w.tied()) { // the decoder's use of w plus the encoder's, in one product
                Nd4j.gemm(stackedCodes, stackedRows, gradients[0], true, false, 1, 0);
            } else {
                Nd4j.gemm(dPre, batch, gradients[0], true, false, 1, 0);
                // decoder: the reconstruction's gradient plus the penalty's, lambda' sum_b z_bi d_i / ||d_i||
                Nd4j.gemm(codes, dReconstruction, gradients[2], true, false, 1, 0);
                Nd4j.exec(new BroadcastMulOp(w.decoder(), codeSums.mul(penalty).divi(norms).reshape(w.encoder().rows()), penaltyGradient, 0));
                gradients[2].addi(penaltyGradient);
                dReconstruction.sum(gradients[3], true, 0);
            }
        }

        /** The loss of the batch last {@link #run}: mean squared error over its entries + lambda mean of its codes' penalty. */
        double loss(double lambda) {
            double entries = (double) rows * batch.columns();
            return squares.sumNumber().doubleValue() / entries + lambda / ((double) rows * codeSums.columns()) * penaltySums.sumNumber().doubleValue();
        }
    }

    private static double rootMeanSquare(Activations rows) {
        double sum = 0;
        for (int i = 0; i < rows.size(); i++) {
            sum += rows.getFlat(i) * rows.getFlat(i);
        }
        return Math.sqrt(sum / rows.size());
    }

    private static INDArray matrix(Activations rows) {
        return Nd4j.create(floats(rows), new long[] {rows.rows(), rows.columns()}, 'c');
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
        return "SparseAutoencoder[" + width() + " -> " + dictionarySize() + (weights.tied() ? " tied" : " untied") + ", " + training + "]";
    }
}
