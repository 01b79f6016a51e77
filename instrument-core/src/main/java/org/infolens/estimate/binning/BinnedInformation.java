package org.infolens.estimate.binning;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.Probe;
import org.infolens.measure.Estimate;
import org.infolens.measure.Measure;
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
public final class BinnedInformation implements Measure {

    public static final String NAME = "binning";

    private final Discretizer discretizer;

    public BinnedInformation(Discretizer discretizer) {
        this.discretizer = Objects.requireNonNull(discretizer, "discretizer");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String label() {
        return NAME + "/" + discretizer.tag();
    }

    @Override
    public Map<String, Object> parameters() {
        return discretizer.parameters();
    }

    @Override
    public Estimate estimate(LayerId layer, Activations values, Probe probe) {
        int n = values.rows();
        if (n != probe.size()) {
            throw new IllegalArgumentException("layer " + layer.describe() + " has " + n + " rows but the probe set has "
                    + probe.size());
        }
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

    @Override
    public String toString() {
        return "BinnedInformation" + parameters();
    }
}
