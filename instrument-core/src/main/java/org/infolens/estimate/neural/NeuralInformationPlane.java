package org.infolens.estimate.neural;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.infolens.config.Config;
import org.infolens.config.Param;
import org.infolens.config.ParameterSet;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.Probe;
import org.infolens.measure.ConfiguredMeasure;
import org.infolens.measure.Estimate;
import org.infolens.measure.Measure;
import org.infolens.measure.MeasureProvider;
import org.infolens.measure.Output;
import org.infolens.measure.Quantity;

/**
 * A layer's point on the information plane from a neural bound: I(X;T) with Z = the probe's inputs
 * and I(T;Y) with Z = its labels one-hot, each by its own estimator of the family ({@code bound}, with
 * the family's parameters), so that each keeps its own warm-started critic from one recorded epoch to
 * the next. The values are the two estimators' {@code I}; their records are kept whole under
 * {@code details.XT} and {@code details.TY}, and the bound's ceiling (the same for both: one split,
 * one batch) as {@code details.ceilingNats}, where the reliability verdict reads it.
 */
public final class NeuralInformationPlane extends ConfiguredMeasure {

    public static final String NAME = "neural-plane";

    /** The bounds of the family, by their estimators' families. */
    public enum Objective {
        INFONCE(InfoNce.Provider::new), NWJ(Nwj.Provider::new), MINE(Mine.Provider::new), SMILE(Smile.Provider::new);

        private final Supplier<MeasureProvider> family;

        Objective(Supplier<MeasureProvider> family) {
            this.family = family;
        }
    }

    public static final Param<Objective> BOUND = Param.choice("bound", Objective.INFONCE, "the bound estimating both values (mine"
            + " and smile with their own parameters at their defaults)");
    public static final ParameterSet PARAMETERS = ParameterSet.of(BOUND).and(NeuralMutualInformation.PARAMETERS);
    public static final List<Output> OUTPUTS = List.of(Output.bits(Quantity.I_XT), Output.bits(Quantity.I_TY));

    /** The {@code neural-plane} family for the catalog. */
    public static final class Provider extends MeasureProvider {
        public Provider() {
            super(NAME, "I(X;T) and I(T;Y) (labels one-hot) by a neural bound, infonce by default: a layer's information-plane point",
                    PARAMETERS, OUTPUTS, NeuralInformationPlane::new);
        }
    }

    private final Measure againstInputs;
    private final Measure againstLabels;

    private NeuralInformationPlane(Config config) {
        super(NAME, config);
        Map<String, Object> own = new LinkedHashMap<>(config.asMap());
        own.remove(BOUND.name());
        MeasureProvider family = config.get(BOUND).family.get();
        againstInputs = family.create(own);
        againstLabels = family.create(own);
    }

    @Override
    public String label() {
        return NAME + "/" + againstInputs.label();
    }

    @Override
    public Estimate estimate(LayerId layer, Activations values, Probe probe) {
        Measure.requireProbeRows(layer, values, probe);
        if (!probe.hasLabels()) {
            throw new IllegalArgumentException(NAME + " estimates I(T;Y) from the probe's labels, and the probe of layer "
                    + layer.describe() + " has none");
        }
        Estimate xt = againstInputs.estimate(layer, values, probe);
        Estimate ty = againstLabels.estimate(layer, values, probe.withInputs(oneHot(probe.labels(), probe.classes())));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("XT", xt.details());
        details.put("TY", ty.details());
        List<String> nearCeiling = new ArrayList<>();
        if (Boolean.TRUE.equals(xt.details().get("nearCeiling"))) {
            nearCeiling.add("I_XT");
        }
        if (Boolean.TRUE.equals(ty.details().get("nearCeiling"))) {
            nearCeiling.add("I_TY");
        }
        Object ceiling = xt.details().getOrDefault("ceilingNats", ty.details().get("ceilingNats"));
        if (ceiling != null) {
            details.put("ceilingNats", ceiling);
            details.put("nearCeiling", nearCeiling);
        }
        return new Estimate(Map.of("I_XT", xt.value("I"), "I_TY", ty.value("I")), Map.of(), details);
    }

    /** Labels 0 .. classes - 1 as columns of 0 and 1. */
    static Activations oneHot(int[] labels, int classes) {
        double[] v = new double[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            v[i * classes + labels[i]] = 1;
        }
        return Activations.wrap(v, labels.length, classes);
    }

    /** As the family's estimators: a resampled row seen by the critic in training scores high when held out. */
    @Override
    public boolean biasedByRepeatedRows() {
        return true;
    }
}
