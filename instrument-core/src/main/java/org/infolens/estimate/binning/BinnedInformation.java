package org.infolens.estimate.binning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.infolens.config.Condition;
import org.infolens.config.Param;
import org.infolens.config.ParameterSet;
import org.infolens.config.ValueType;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.Probe;
import org.infolens.estimate.binning.FixedRangeDiscretizer.BelowRange;
import org.infolens.estimate.binning.GlobalMinMaxDiscretizer.Range;
import org.infolens.measure.ConfiguredMeasure;
import org.infolens.measure.Estimate;
import org.infolens.measure.Measure;
import org.infolens.measure.MeasureProvider;
import org.infolens.measure.Output;
import org.infolens.measure.Quantity;
import org.infolens.measure.RunObserver;

/**
 * Mutual information by binning (ESTIMATORS.md section 1): every activation is mapped to a bin by a
 * {@link Discretizer}, a probe row's bins together are one symbol, and plug-in entropies over the
 * probe rows give
 * <ul>
 *   <li>H(T) over distinct row patterns,</li>
 *   <li>I(X;T) = H(T) - sum_x p(x) H(T | X = x), which is H(T) when every probe row is a distinct
 *       input and at most log2 N,</li>
 *   <li>I(T;Y) = H(T) - sum_y p(y) H(T | Y = y), at most H(Y).</li>
 * </ul>
 * Values in bits. The record's details give the number of distinct patterns, log2 N (the ceiling
 * that I(X;T) reaches once a layer is injective on the probe set) and H(Y) (the ceiling of I(T;Y)).
 */
public final class BinnedInformation extends ConfiguredMeasure {

    public static final String NAME = "binning";

    /** The edge strategies, as the {@code edges} parameter names them. */
    public enum Edges {
        FIXED_RANGE, FIXED_WIDTH, GLOBAL_MINMAX, ADAPTIVE
    }

    // The parameters of every edge strategy, with the names of the reference implementation (pyref.py).
    public static final Param<Edges> EDGES = Param.choice("edges", Edges.FIXED_RANGE, "how values map to bins: Shwartz-Ziv & Tishby's"
            + " fixed range, Saxe et al.'s fixed width or global min-max, Chelombiev et al.'s adaptive (EBAB)");
    public static final Param<Integer> BINS = Param.integer("bins", 30, "bins (fixed-range: edges on [lo, hi])")
            .defaultWhen(Condition.when(EDGES, Edges.GLOBAL_MINMAX), 100)
            .onlyWhen(EDGES, Edges.FIXED_RANGE, Edges.GLOBAL_MINMAX, Edges.ADAPTIVE)
            .check(b -> b >= 1, ">= 1");
    public static final Param<Double> BIN_SIZE = Param.real("binSize", 0.07, "bin width, bin = floor(a / binSize) in the activations' precision"
            + " (Saxe et al.: 0.07 for the 12-bit task, 0.5 for MNIST)")
            .onlyWhen(EDGES, Edges.FIXED_WIDTH)
            .check(w -> w > 0 && (float) w.doubleValue() > 0, "> 0");
    public static final Param<Double> LO = Param.real("lo", "lower end of the range (global-minmax: none = observed over the run)")
            .defaultWhen(Condition.when(EDGES, Edges.FIXED_RANGE), -1.0)
            .onlyWhen(EDGES, Edges.FIXED_RANGE, Edges.GLOBAL_MINMAX);
    public static final Param<Double> HI = Param.real("hi", "upper end of the range (global-minmax: none = observed over the run)")
            .defaultWhen(Condition.when(EDGES, Edges.FIXED_RANGE), 1.0)
            .onlyWhen(EDGES, Edges.FIXED_RANGE, Edges.GLOBAL_MINMAX);
    public static final Param<Range> RANGE = Param.choice("range", Range.OBSERVED, "the range of all layers and epochs: observed"
            + " in a first pass over the run, or declared by lo and hi")
            .defaultWhen(Condition.given(LO), Range.DECLARED)
            .onlyWhen(EDGES, Edges.GLOBAL_MINMAX);
    public static final Param<BelowRange> BELOW_RANGE = Param.choice("belowRange", BelowRange.WRAP, "values below lo: the original"
            + " code's wrap to the top symbol, or clamp into the first bin")
            .onlyWhen(EDGES, Edges.FIXED_RANGE);
    public static final Param<OptionalDouble> LOW = Param.of("low", ValueType.numberOr("auto"), OptionalDouble.empty(), "lower limit"
            + " of the edges; auto: from the activation function (-1.000001 tanh-like, 0 ReLU-like), else from the data")
            .onlyWhen(EDGES, Edges.ADAPTIVE);

    public static final ParameterSet PARAMETERS = ParameterSet.of(EDGES, BINS, BIN_SIZE, LO, HI, RANGE, BELOW_RANGE, LOW)
            .require(c -> c.get(EDGES) != Edges.FIXED_RANGE || c.get(BINS) >= 2, "fixed-range binning needs bins >= 2")
            .require(c -> c.get(EDGES) != Edges.FIXED_RANGE || c.get(LO) < c.get(HI), "fixed-range binning needs lo < hi")
            .require(c -> c.get(EDGES) != Edges.GLOBAL_MINMAX || (c.get(RANGE) == Range.DECLARED) == (c.has(LO) && c.has(HI)),
                    "global-minmax binning needs both lo and hi (a declared range), or neither (the range observed over the run)")
            .require(c -> c.get(EDGES) != Edges.GLOBAL_MINMAX || !c.has(LO) || c.get(LO) <= c.get(HI),
                    "global-minmax binning needs lo <= hi");

    public static final List<Output> OUTPUTS = List.of(Output.bits(Quantity.H_T), Output.bits(Quantity.I_XT), Output.bits(Quantity.I_TY));

    /** The {@code binning} family for the catalog. */
    public static final class Provider extends MeasureProvider {
        public Provider() {
            super(NAME, "plug-in MI of binned joint layer patterns (edges: fixed-range, fixed-width, global-minmax, adaptive)",
                    PARAMETERS, OUTPUTS, c -> new BinnedInformation(Discretizer.of(c)));
        }
    }

    private final Discretizer discretizer;

    public BinnedInformation(Discretizer discretizer) {
        super(NAME, discretizer.config());
        this.discretizer = discretizer;
    }


    @Override
    public String label() {
        return NAME + "/" + discretizer.tag();
    }


    @Override
    public Estimate estimate(LayerId layer, Activations values, Probe probe) {
        Measure.requireProbeRows(layer, values, probe);
        int n = values.rows();
        if (n == 0) {
            throw new IllegalArgumentException("layer " + layer.describe() + " has no rows: binning needs at least one");
        }
        LayerBinning binned = discretizer.prepare(layer, values);
        int[] patterns = PatternTable.rowIds(values, binned);
        int patternCount = 0;
        for (int p : patterns) {
            patternCount = Math.max(patternCount, p + 1);
        }
        double hT = PlugInEntropy.bits(patterns, patternCount);
        double hTgivenX = probe.inputsDistinct() ? 0.0
                : PlugInEntropy.conditionalBits(patterns, patternCount, inputIds(probe), probe.distinctInputs());

        Map<String, Double> v = new LinkedHashMap<>();
        v.put("H_T", hT);
        v.put("I_XT", hT - hTgivenX);
        if (probe.hasLabels()) {
            v.put("I_TY", hT - PlugInEntropy.conditionalBits(patterns, patternCount, probe.labels(), probe.classes()));
        }
        Map<String, Object> details = new LinkedHashMap<>(binned.details());
        details.put("patterns", patternCount);
        details.put("log2N", Math.log(n) / Math.log(2));
        if (probe.hasLabels()) {
            details.put("H_Y", PlugInEntropy.bits(probe.labels(), probe.classes()));
        }
        return new Estimate(v, binned.layerParameters(), details);
    }

    private static int[] inputIds(Probe probe) {
        int[] ids = new int[probe.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = probe.inputId(i);
        }
        return ids;
    }

    @Override
    public Optional<RunObserver> runObserver() {
        return discretizer.runObserver();
    }

}
