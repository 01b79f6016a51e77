package org.infolens.estimate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.infolens.estimate.binning.BinningFactory;
import org.infolens.estimate.kernel.KernelFactory;
import org.infolens.estimate.knn.KnnFactories;
import org.infolens.estimate.lossy.LossyFactory;
import org.infolens.estimate.spectral.SpectralFactories;
import org.infolens.measure.Measure;
import org.infolens.measure.MeasureFactory;
import org.infolens.measure.Parameters;
import org.infolens.superposition.EffectiveFeaturesFactory;

/** Every estimator family infolens has, by the name the command line and the records use. */
public final class EstimatorCatalog {

    private static final List<MeasureFactory> FACTORIES = List.of(new BinningFactory(), new KernelFactory(),
            KnnFactories.ksg(), KnnFactories.klEntropy(), KnnFactories.ross(), new LossyFactory(), SpectralFactories.dse(),
            SpectralFactories.dsmi(), SpectralFactories.effectiveRank(), SpectralFactories.participationRatio(), SpectralFactories.twoNn(),
            new EffectiveFeaturesFactory());

    private EstimatorCatalog() {
    }

    public static List<MeasureFactory> all() {
        return FACTORIES;
    }

    public static List<String> names() {
        return FACTORIES.stream().map(MeasureFactory::name).toList();
    }

    /** The family called {@code name}; an unknown name is an error that lists the known ones. */
    public static MeasureFactory named(String name) {
        for (MeasureFactory f : FACTORIES) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown measure '" + name + "'; known: " + String.join(", ", names()));
    }

    /**
     * A measure from a spec, {@code name} or {@code name:param=value,param=value} (the command line's and
     * the defaults' form). Any measure also takes {@code probeRows} (and {@code probeSeed}, default 0):
     * then it reads a fixed seeded subset of that many probe rows ({@link ProbeSubsample}).
     */
    public static Measure fromSpec(String spec) {
        int colon = spec.indexOf(':');
        String name = colon < 0 ? spec.trim() : spec.substring(0, colon).trim();
        List<String> items = colon < 0 || colon == spec.length() - 1 ? List.of() : Arrays.asList(spec.substring(colon + 1).split(","));
        List<String> own = new ArrayList<>();
        List<String> subsample = new ArrayList<>();
        for (String item : items) {
            String key = item.contains("=") ? item.substring(0, item.indexOf('=')).trim() : item;
            (key.equals(ProbeSubsample.ROWS) || key.equals(ProbeSubsample.SEED) ? subsample : own).add(item);
        }
        Measure m = named(name).create(Parameters.parse(name, own));
        if (subsample.isEmpty()) {
            return m;
        }
        Parameters p = Parameters.parse(name, subsample);
        if (!p.has(ProbeSubsample.ROWS)) {
            throw new IllegalArgumentException(name + ": " + ProbeSubsample.SEED + " needs " + ProbeSubsample.ROWS);
        }
        return new ProbeSubsample(m, p.integer(ProbeSubsample.ROWS, 0), p.integer(ProbeSubsample.SEED, 0));
    }

    /** {@link #fromSpec} of each, in order. */
    public static List<Measure> fromSpecs(List<String> specs) {
        return specs.stream().map(EstimatorCatalog::fromSpec).toList();
    }
}
