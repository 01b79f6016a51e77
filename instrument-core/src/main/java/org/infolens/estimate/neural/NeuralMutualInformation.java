package org.infolens.estimate.neural;

import java.util.Arrays;
import java.util.HashMap;
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
import org.infolens.estimate.knn.Copula;
import org.infolens.measure.ConfiguredMeasure;
import org.infolens.measure.Estimate;
import org.infolens.measure.Measure;
import org.infolens.measure.Output;
import org.infolens.measure.Unit;
import org.infolens.numeric.RandomRows;

/**
 * The neural family: I(T;Z) between a layer T and the probe's inputs Z from a variational bound
 * (Poole et al. 2019) maximised over a critic trained on the CPU with ND4J. What the estimators share
 * is here and in {@link CriticTraining}: the rows are standardised, split once (seeded) into training
 * and held-out rows; the critic is trained on the first, the bound is measured on the second after
 * every epoch and the best held-out value is the estimate (early stopping on it). Each estimator
 * ({@link InfoNce}, {@link Nwj}, {@link Mine}, {@link Smile}) only names its bound.
 *
 * <p>Warm start (default on): the best critic of a layer is kept, by layer name, and the next recorded
 * epoch starts from it, as effective features keep their autoencoders. Values in bits ({@code I});
 * the record keeps nats, the training (epochs, best epoch, early stop, divergence, warm start), the
 * split, and a bound's ceiling with a flag when the estimate comes within 0.1 nats of it.
 */
public abstract class NeuralMutualInformation extends ConfiguredMeasure {

    private static final double LN2 = Math.log(2);
    /** How close to a bound's ceiling (nats) an estimate is flagged: it says more about the batch than about I. */
    static final double CEILING_MARGIN_NATS = 0.1;
    /** Fewest rows on either side of the split: fewer make neither a batch nor a held-out value. */
    static final int MIN_SPLIT_ROWS = 8;

    public static final Param<CriticKind> CRITIC = Param.choice("critic", CriticKind.SEPARABLE, "separable f = g(t).h(z) (one"
            + " matrix product per batch) or concatenated f = MLP([t, z]) on all pairs of a batch");
    public static final Param<Integer> HIDDEN = Param.integer("hidden", 64, "units of each hidden ReLU layer of the critic")
            .check(h -> h >= 1, ">= 1");
    public static final Param<Integer> LAYERS = Param.integer("layers", 1, "hidden layers of the critic's networks")
            .check(l -> l >= 1, ">= 1");
    public static final Param<Integer> EMBEDDING = Param.integer("embedding", 16, "dimensions of g(t) and h(z), separable critic")
            .onlyWhen(CRITIC, CriticKind.SEPARABLE).check(e -> e >= 1, ">= 1");
    public static final Param<Integer> BATCH = Param.integer("batch", 128, "rows per training batch (InfoNCE's ceiling is ln of"
            + " the held-out batch)").check(b -> b >= 2, ">= 2");
    public static final Param<Double> LEARNING_RATE = Param.real("learningRate", 1e-3, "Adam's step size")
            .check(r -> r > 0, "> 0");
    public static final Param<Integer> MAX_EPOCHS = Param.integer("maxEpochs", 100, "cap on the training epochs of one estimate")
            .check(e -> e >= 1, ">= 1");
    public static final Param<Integer> PATIENCE = Param.integer("patience", 10, "epochs without a better held-out value before"
            + " training stops").check(p -> p >= 1, ">= 1");
    public static final Param<Double> HELD_OUT = Param.real("heldOut", 0.3, "share of the rows held out to estimate on (and to"
            + " stop early on)").check(f -> f > 0 && f < 1, "between 0 and 1");
    public static final Param<Long> SEED = Param.seed("seed", "seed of the split, the critic's weights and the batch order");
    public static final Param<Boolean> WARM_START = Param.flag("warmStart", true, "each layer's critic starts from the one trained"
            + " at the previous recorded epoch");
    /** As on KSG: heavy tails (Student-t) keep a critic from learning; MI is unchanged by monotone maps of a column. */
    public static final Param<Copula> COPULA = Param.choice("copula", Copula.OFF, "replace each column of T and Z by its ranks"
            + " (ranks) or their normal scores (normal) before training, which keeps the MI and removes heavy tails; off keeps the"
            + " values");
    public static final ParameterSet PARAMETERS = ParameterSet.of(CRITIC, HIDDEN, LAYERS, EMBEDDING, BATCH, LEARNING_RATE, MAX_EPOCHS,
            PATIENCE, HELD_OUT, SEED, WARM_START, COPULA);
    public static final List<Output> OUTPUTS = List.of(Output.of("I", "I(T;Z)", Unit.BITS));

    private final Map<String, Critic> trainedByLayer = new HashMap<>();

    protected NeuralMutualInformation(String name, Config config) {
        super(name, config);
    }

    /** A fresh bound for one training (it may keep state across batches). */
    abstract Bound bound();

    @Override
    public String label() {
        CriticKind kind = config.get(CRITIC);
        String critic = kind == CriticKind.SEPARABLE ? "sep" + config.get(HIDDEN) + "x" + config.get(LAYERS) + "e" + config.get(EMBEDDING)
                : "cat" + config.get(HIDDEN) + "x" + config.get(LAYERS);
        Copula copula = config.get(COPULA);
        return name() + "/" + critic + "-b" + config.get(BATCH) + (copula == Copula.OFF ? "" : "-" + COPULA.toJson(copula));
    }

    /** The values with each column mapped as {@link #COPULA} says (NaN and infinities kept for the check that names them). */
    private Activations copula(Activations a) {
        Copula copula = config.get(COPULA);
        if (copula == Copula.OFF || a.countNonFinite() > 0) {
            return a;
        }
        return Activations.wrap(copula.transform(a.toDoubleArray(), a.rows(), a.columns()), a.rows(), a.columns());
    }

    @Override
    public Estimate estimate(LayerId layer, Activations values, Probe probe) {
        Measure.requireProbeRows(layer, values, probe);
        Activations z = probe.inputs().orElseThrow(() -> new IllegalArgumentException(name() + " estimates I(T;Z) with Z the probe's"
                + " inputs, and the probe of layer " + layer.describe() + " carries none"));
        int n = values.rows();
        int heldOutRows = (int) Math.round(n * config.get(HELD_OUT));
        if (heldOutRows < MIN_SPLIT_ROWS || n - heldOutRows < MIN_SPLIT_ROWS) {
            throw new IllegalArgumentException(name() + " on layer " + layer.describe() + ": " + n + " rows split into " + (n - heldOutRows)
                    + " to train and " + heldOutRows + " held out; each side needs at least " + MIN_SPLIT_ROWS);
        }
        Rows t = Rows.standardised(copula(values), layer, "activations");
        Rows x = Rows.standardised(copula(z), layer, "probe inputs");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("trainRows", n - heldOutRows);
        details.put("heldOutRows", heldOutRows);
        if (t.varying == 0 || x.varying == 0) { // a constant variable shares nothing; a critic would only fit noise
            details.put("nats", 0.0);
            details.put("constant", t.varying == 0 ? "layer" : "inputs");
            return new Estimate(Map.of("I", 0.0), Map.of(), details);
        }
        long seed = config.get(SEED);
        int[] order = RandomRows.permutation(n, new Random(seed));
        int[] heldOut = Arrays.copyOfRange(order, 0, heldOutRows);
        int[] train = Arrays.copyOfRange(order, heldOutRows, n);
        boolean warm = config.get(WARM_START);
        Critic previous = warm ? trainedByLayer.get(layer.name()) : null;
        boolean warmStarted = previous != null && previous.fits(t.columns, x.columns);
        Critic critic = warmStarted ? previous.copy() : Critic.create(config.get(CRITIC), t.columns, x.columns, config.get(HIDDEN),
                config.get(LAYERS), config.find(EMBEDDING).orElse(1), new Random(seed + 1));
        CriticTraining.Result r = CriticTraining.train(critic, t, x, train, heldOut, this::bound, new CriticTraining.Schedule(
                config.get(BATCH), config.get(LEARNING_RATE), config.get(MAX_EPOCHS), config.get(PATIENCE), seed + 2));
        if (!Double.isFinite(r.heldOutNats())) {
            throw new IllegalArgumentException(name() + " on layer " + layer.describe() + ": the critic diverged (non-finite "
                    + (r.diverged() ? "objective at epoch " + r.divergedAtEpoch() : "held-out bound") + ") before any finite held-out"
                    + " estimate; lower learningRate (" + config.get(LEARNING_RATE) + ")");
        }
        if (warm) {
            trainedByLayer.put(layer.name(), r.critic());
        }
        double nats = r.heldOutNats();
        details.put("nats", nats);
        details.put("negative", nats < 0); // a lower bound on held-out rows can come out below 0: reported as estimated
        details.put("epochs", r.epochs());
        details.put("bestEpoch", r.bestEpoch());
        details.put("stoppedEarly", r.stoppedEarly());
        details.put("warmStarted", warmStarted);
        details.put("diverged", r.diverged());
        if (r.diverged()) {
            details.put("divergedAtEpoch", r.divergedAtEpoch());
        }
        details.put("evaluationBatch", r.evaluationBatch());
        if (Double.isFinite(r.ceilingNats())) {
            details.put("ceilingNats", r.ceilingNats());
            details.put("nearCeiling", nats >= r.ceilingNats() - CEILING_MARGIN_NATS);
        }
        return new Estimate(Map.of("I", nats / LN2), Map.of(), details);
    }

    /**
     * A row resampled with replacement may fall on both sides of the split, and a critic that has seen
     * it scores it high: subsampling without replacement keeps held-out rows unseen.
     */
    @Override
    public boolean biasedByRepeatedRows() {
        return true;
    }
}
