package org.infolens.estimate.neural;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.infolens.config.Config;
import org.infolens.config.Param;
import org.infolens.config.ParameterSet;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.Probe;
import org.infolens.estimate.knn.KnnSettings;
import org.infolens.estimate.knn.KsgMutualInformation;
import org.infolens.estimate.knn.Norm;
import org.infolens.measure.ConfiguredMeasure;
import org.infolens.measure.Estimate;
import org.infolens.measure.Measure;
import org.infolens.measure.MeasureProvider;
import org.infolens.numeric.AdamOptimizer;
import org.infolens.numeric.RandomRows;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Latent MI (Gowri et al. 2024, "LMI"): I(T;Z) approximated by the MI of small learned latents. Two
 * autoencoders compress T and Z to {@code latent} dimensions each; each latent is also decoded into
 * the other variable (a decoder from z_T to Z and one from z_Z to T, the paper's cross-predictive
 * regularisation, with the authors' dropout on those decoders), which keeps in the latents what T and
 * Z share rather than only what reconstructs each best. Trained on one half of the rows (seeded split)
 * until the loss on the other half has not fallen for {@code patience} epochs, the encoders of its
 * lowest kept, as the authors' code trains; KSG (algorithm 1, max-norm) on the other half's latents as
 * the encoders scale them, as the paper does: standardising each latent column would blow a latent that
 * carries a sliver of nuisance up to the scale of the one that carries the signal.
 *
 * <p>Latents wider than the shared structure fill with what only reconstructs one side (nuisance), and
 * KSG on nuisance dimensions independent of the other side falls far below the truth (1,000 rows, 2
 * bits in one shared dimension: 2.0 bits alone, 1.2 with two independent unit-scale dimensions per
 * side, 0.6 with five). So several sizes are trained, halving from {@code latent}, and the largest
 * estimate is kept: the MI of each size's latents is a lower bound on I(T;Z) (data processing), the
 * authors' advice for choosing the size. The price: the largest of three noisy estimates sits a little
 * above each (0.01 to 0.06 bits at MI 0 on the grid). Bits; the record keeps every size's estimate, the size kept, its
 * training and the split.
 *
 * <p>A variable wider than {@code components} columns is first projected on its leading principal components, fitted on
 * the training rows: with as many columns as training rows, the encoders' first layers fit the nuisance of the training
 * half and the held-out latents lose the shared signal. The projection is a function of each variable alone, so its MI
 * is again a lower bound; the record keeps the share of variance the components hold.
 */
public final class LatentMutualInformation extends ConfiguredMeasure {

    public static final String NAME = "lmi";
    private static final double LN2 = Math.log(2);

    public static final Param<Integer> LATENT = Param.integer("latent", 8, "latent dimensions of T and of Z, each")
            .check(l -> l >= 1, ">= 1");
    public static final Param<Integer> LATENT_SEARCH = Param.integer("latentSearch", 3, "latent sizes tried, halving from"
            + " latent (3: 8, 4, 2); the estimate is the largest, the tightest of these lower bounds").check(c -> c >= 1, ">= 1");
    public static final Param<Integer> COMPONENTS = Param.integer("components", 64, "a variable with more columns is first"
            + " projected on this many principal components of its training rows (0: never)").check(c -> c >= 0, ">= 0");
    public static final Param<Integer> HIDDEN = Param.integer("hidden", 64, "units of the hidden ReLU layer of every encoder,"
            + " decoder and cross-predictor").check(h -> h >= 1, ">= 1");
    public static final Param<Integer> EPOCHS = Param.integer("epochs", 300, "cap on the training epochs of the autoencoders")
            .check(e -> e >= 1, ">= 1");
    public static final Param<Integer> PATIENCE = Param.integer("patience", 30, "epochs without a lower held-out loss before"
            + " training stops; the networks of the lowest are kept").check(p -> p >= 1, ">= 1");
    public static final Param<Integer> BATCH = Param.integer("batch", 128, "rows per training batch").check(b -> b >= 2, ">= 2");
    public static final Param<Double> LEARNING_RATE = Param.real("learningRate", 1e-3, "Adam's step size").check(r -> r > 0, "> 0");
    public static final Param<Double> CROSS_WEIGHT = Param.real("crossWeight", 1.0, "weight of the cross-prediction losses beside"
            + " the reconstructions (the paper's lambda)").check(w -> w >= 0, ">= 0");
    public static final Param<Double> CROSS_DROPOUT = Param.real("crossDropout", 0.5, "dropout on every layer's inputs of the"
            + " cross-predictors, the latent included, in training").check(p -> p >= 0 && p < 1, "in [0, 1)");
    public static final Param<Double> TRAIN_SHARE = Param.real("trainShare", 0.5, "share of the rows the autoencoders train on;"
            + " the rest stops training (held-out loss) and KSG estimates on it").check(f -> f > 0 && f < 1, "between 0 and 1");
    public static final Param<Integer> K = Param.integer("k", 3, "KSG's neighbours on the latents").check(k -> k >= 1, ">= 1");
    public static final Param<Long> SEED = Param.seed("seed", "seed of the split, the weights, the batch order, the dropout and"
            + " KSG's jitter");
    public static final ParameterSet PARAMETERS = ParameterSet.of(LATENT, LATENT_SEARCH, COMPONENTS, HIDDEN, EPOCHS, PATIENCE, BATCH, LEARNING_RATE,
            CROSS_WEIGHT, CROSS_DROPOUT, TRAIN_SHARE, K, SEED);

    /** The {@code lmi} family for the catalog. */
    public static final class Provider extends MeasureProvider {
        public Provider() {
            super(NAME, "latent MI: KSG on cross-predictive autoencoder latents (Gowri et al.)", PARAMETERS,
                    NeuralMutualInformation.OUTPUTS, LatentMutualInformation::new);
        }
    }

    private LatentMutualInformation(Config config) {
        super(NAME, config);
    }

    @Override
    public String label() {
        return NAME + "/l" + config.get(LATENT) + "-h" + config.get(HIDDEN) + "-e" + config.get(EPOCHS);
    }

    @Override
    public Estimate estimate(LayerId layer, Activations values, Probe probe) {
        Measure.requireProbeRows(layer, values, probe);
        Activations inputs = probe.inputs().orElseThrow(() -> new IllegalArgumentException(NAME + " estimates I(T;Z) with Z the"
                + " probe's inputs, and the probe of layer " + layer.describe() + " carries none"));
        int n = values.rows();
        int trainRows = (int) Math.round(n * config.get(TRAIN_SHARE));
        int k = config.get(K);
        int least = Math.max(NeuralMutualInformation.MIN_SPLIT_ROWS, k + 2);
        if (trainRows < NeuralMutualInformation.MIN_SPLIT_ROWS || n - trainRows < least) {
            throw new IllegalArgumentException(NAME + " on layer " + layer.describe() + ": " + n + " rows split into " + trainRows
                    + " to train and " + (n - trainRows) + " to estimate on; they need at least "
                    + NeuralMutualInformation.MIN_SPLIT_ROWS + " and " + least);
        }
        Rows t = Rows.standardised(values, layer, "activations");
        Rows z = Rows.standardised(inputs, layer, "probe inputs");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("trainRows", trainRows);
        details.put("estimateRows", n - trainRows);
        if (t.varying == 0 || z.varying == 0) {
            details.put("nats", 0.0);
            details.put("constant", t.varying == 0 ? "layer" : "inputs");
            return new Estimate(Map.of("I", 0.0), Map.of(), details);
        }
        long seed = config.get(SEED);
        int[] order = RandomRows.permutation(n, new Random(seed));
        int[] train = Arrays.copyOfRange(order, 0, trainRows);
        int[] rest = Arrays.copyOfRange(order, trainRows, n);
        int components = config.get(COMPONENTS);
        t = principal(t, components, train, "T", details);
        z = principal(z, components, train, "Z", details);
        Schedule schedule = new Schedule(config.get(EPOCHS), config.get(PATIENCE), config.get(BATCH), config.get(LEARNING_RATE),
                config.get(CROSS_WEIGHT), config.get(CROSS_DROPOUT));
        Latent best = null;
        for (int size : latentSizes(config.get(LATENT), config.get(LATENT_SEARCH))) {
            Latent candidate = latentEstimate(size, t, z, train, rest, schedule, layer, seed);
            details.put("bitsAtLatent" + size, candidate.nats() / LN2);
            if (best == null || candidate.nats() > best.nats()) {
                best = candidate;
            }
        }
        details.put("latent", best.size());
        details.put("epochs", best.training().epochs());
        details.put("bestEpoch", best.training().bestEpoch());
        details.put("stoppedEarly", best.training().epochs() < schedule.maxEpochs());
        details.put("reconstructionLossT", best.training().heldOutLosses()[0]);
        details.put("reconstructionLossZ", best.training().heldOutLosses()[1]);
        details.put("crossLoss", best.training().heldOutLosses()[2]);
        details.put("nats", best.nats());
        details.put("negative", best.nats() < 0);
        return new Estimate(Map.of("I", best.nats() / LN2), Map.of(), details);
    }

    /**
     * {@code rows} on their leading principal components when they have more columns than {@code components} (and it is
     * not 0); the record keeps how many and the share of the training rows' variance they hold.
     */
    private static Rows principal(Rows rows, int components, int[] train, String variable, Map<String, Object> details) {
        if (components == 0 || rows.columns <= components) {
            return rows;
        }
        Rows.Principal p = rows.principal(components, train);
        details.put("components" + variable, p.rows().columns);
        details.put("varianceShare" + variable, p.varianceShare());
        return p.rows();
    }

    /** {@code largest}, then halved while above 1, {@code count} sizes at most: 8, 4, 2 by default. */
    static int[] latentSizes(int largest, int count) {
        int[] sizes = new int[count];
        int n = 0;
        for (int size = largest; size >= 1 && n < count; size /= 2) {
            sizes[n++] = size;
        }
        return Arrays.copyOf(sizes, n);
    }

    /** The autoencoders of one latent size trained on {@code train}; KSG on the latents of {@code rest}, in nats. */
    private Latent latentEstimate(int size, Rows t, Rows z, int[] train, int[] rest, Schedule schedule, LayerId layer, long seed) {
        Pair pair = new Pair(t.columns, z.columns, size, config.get(HIDDEN), new Random(seed + 1));
        Training training = pair.train(t, z, train, rest, schedule, new Random(seed + 2));
        Activations latentT = latents(training.encoderT(), t, rest);
        Activations latentZ = latents(training.encoderZ(), z, rest);
        Estimate ksg = new KsgMutualInformation(new KnnSettings(config.get(K), Norm.MAX, 1e-10, seed), 1, false)
                .estimate(layer, latentT, Probe.of(new int[rest.length]).withInputs(latentZ));
        return new Latent(size, training, (Double) ksg.details().get("nats"));
    }

    private static Activations latents(Mlp encoder, Rows rows, int[] which) {
        INDArray codes = encoder.forward(rows.batch(which, 0, which.length));
        return Activations.wrap(codes.data().asDouble(), which.length, encoder.outputs());
    }

    /** How the autoencoders train: the epoch cap, early stopping's patience, batch, Adam's step, the cross loss' weight and dropout. */
    private record Schedule(int maxEpochs, int patience, int batch, double learningRate, double crossWeight, double crossDropout) {
    }

    /** One latent size's estimate (nats) and training. */
    private record Latent(int size, Training training, double nats) {
    }

    /** The encoders of the lowest held-out loss, the epochs run, the best epoch and its held-out losses (rec T, rec Z, cross). */
    private record Training(Mlp encoderT, Mlp encoderZ, int epochs, int bestEpoch, double[] heldOutLosses) {
    }

    /** The paired networks: an autoencoder for each variable and a cross-decoder from each latent into the other variable. */
    private static final class Pair {
        final Mlp encoderT;
        final Mlp encoderZ;
        final Mlp decoderT;
        final Mlp decoderZ;
        final Mlp crossTz; // z_T -> Z
        final Mlp crossZt; // z_Z -> T
        final Mlp[] all;

        Pair(int dt, int dz, int latent, int hidden, Random rnd) {
            encoderT = new Mlp(Mlp.sizes(dt, hidden, 1, latent), rnd);
            encoderZ = new Mlp(Mlp.sizes(dz, hidden, 1, latent), rnd);
            decoderT = new Mlp(Mlp.sizes(latent, hidden, 1, dt), rnd);
            decoderZ = new Mlp(Mlp.sizes(latent, hidden, 1, dz), rnd);
            crossTz = new Mlp(Mlp.sizes(latent, hidden, 1, dz), rnd);
            crossZt = new Mlp(Mlp.sizes(latent, hidden, 1, dt), rnd);
            all = new Mlp[] {encoderT, encoderZ, decoderT, decoderZ, crossTz, crossZt};
        }

        /**
         * Adam on the summed mean squared errors, each epoch followed by the loss on the held-out rows
         * (no dropout); stops after {@code patience} epochs without a lower one and returns the encoders
         * of the lowest, as Gowri et al.'s training does.
         */
        Training train(Rows t, Rows z, int[] rows, int[] heldOut, Schedule schedule, Random rnd) {
            INDArray[][] params = new INDArray[all.length][];
            for (int i = 0; i < all.length; i++) {
                params[i] = all[i].params();
            }
            INDArray[] flat = Critic.concat(params);
            AdamOptimizer adam = new AdamOptimizer(flat, schedule.learningRate(), 0);
            INDArray heldT = t.batch(heldOut, 0, heldOut.length);
            INDArray heldZ = z.batch(heldOut, 0, heldOut.length);
            int[] order = rows.clone();
            int b = Math.min(schedule.batch(), rows.length);
            INDArray[] grads = new INDArray[flat.length];
            double[] bestLosses = losses(heldT, heldZ, schedule.crossWeight(), 0, rnd, null);
            double best = total(bestLosses, schedule.crossWeight());
            Mlp bestT = encoderT.copy();
            Mlp bestZ = encoderZ.copy();
            int bestEpoch = 0;
            int epoch = 0;
            while (epoch < schedule.maxEpochs() && epoch - bestEpoch < schedule.patience()) {
                epoch++;
                RandomRows.shuffle(order, rnd);
                for (int from = 0; from < order.length; from += b) {
                    int to = Math.min(order.length, from + b);
                    losses(t.batch(order, from, to), z.batch(order, from, to), schedule.crossWeight(), schedule.crossDropout(),
                            rnd, grads);
                    adam.step(grads);
                }
                double[] held = losses(heldT, heldZ, schedule.crossWeight(), 0, rnd, null);
                double loss = total(held, schedule.crossWeight());
                if (loss < best) {
                    best = loss;
                    bestLosses = held;
                    bestEpoch = epoch;
                    bestT = encoderT.copy();
                    bestZ = encoderZ.copy();
                }
            }
            return new Training(bestT, bestZ, epoch, bestEpoch, bestLosses);
        }

        private static double total(double[] losses, double crossWeight) {
            return losses[0] + losses[1] + crossWeight * losses[2];
        }

        /**
         * One batch's losses: reconstruction of T, of Z, and the two cross-predictions summed (the
         * paper's cross loss); with {@code grads}, also every network's gradients, in the order of
         * {@link #all}.
         */
        private double[] losses(INDArray t, INDArray z, double crossWeight, double crossDropout, Random rnd, INDArray[] grads) {
            INDArray codeT = encoderT.forward(t);
            INDArray codeZ = encoderZ.forward(z);
            INDArray dRecT = decoderT.forward(codeT).subi(t);
            INDArray dRecZ = decoderZ.forward(codeZ).subi(z);
            INDArray dCrossTz = crossTz.forward(codeT, crossDropout, rnd).subi(z);
            INDArray dCrossZt = crossZt.forward(codeZ, crossDropout, rnd).subi(t);
            double[] loss = {mse(dRecT), mse(dRecZ), mse(dCrossTz) + mse(dCrossZt)};
            if (grads == null) {
                return loss;
            }
            int[] offsets = new int[all.length];
            for (int i = 1; i < all.length; i++) {
                offsets[i] = offsets[i - 1] + all[i - 1].params().length;
            }
            INDArray gCodeT = decoderT.backward(dRecT.muli(2.0 / dRecT.length()), grads, offsets[2]);
            INDArray gCodeZ = decoderZ.backward(dRecZ.muli(2.0 / dRecZ.length()), grads, offsets[3]);
            gCodeT.addi(crossTz.backward(dCrossTz.muli(2 * crossWeight / dCrossTz.length()), grads, offsets[4]));
            gCodeZ.addi(crossZt.backward(dCrossZt.muli(2 * crossWeight / dCrossZt.length()), grads, offsets[5]));
            encoderT.backward(gCodeT, grads, offsets[0]);
            encoderZ.backward(gCodeZ, grads, offsets[1]);
            return loss;
        }

        private static double mse(INDArray diff) {
            return diff.mul(diff).meanNumber().doubleValue();
        }
    }
}
