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

    /** Parameters every measure takes, through a wrapper. */
    public static final List<String> SHARED_PARAMETERS = List.of(ProbeSubsample.ROWS, ProbeSubsample.SEED, RandomProjection.WIDTH,
            RandomProjection.SEED);

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
     * it then reads a fixed seeded subset of that many probe rows ({@link ProbeSubsample}); and
     * {@code maxWidth} (and {@code projectionSeed}): wider layers are read through a seeded random
     * projection to that many columns ({@link RandomProjection}).
     */
    public static Measure fromSpec(String spec) {
        int colon = spec.indexOf(':');
        String name = colon < 0 ? spec.trim() : spec.substring(0, colon).trim();
        List<String> items = colon < 0 || colon == spec.length() - 1 ? List.of() : Arrays.asList(spec.substring(colon + 1).split(","));
        List<String> own = new ArrayList<>();
        List<String> shared = new ArrayList<>();
        for (String item : items) {
            String key = item.contains("=") ? item.substring(0, item.indexOf('=')).trim() : item;
            (SHARED_PARAMETERS.contains(key) ? shared : own).add(item);
        }
        Measure m = named(name).create(Parameters.parse(name, own));
        Parameters p = Parameters.parse(name, shared);
        requireWith(p, name, RandomProjection.SEED, RandomProjection.WIDTH);
        requireWith(p, name, ProbeSubsample.SEED, ProbeSubsample.ROWS);
        if (p.has(RandomProjection.WIDTH)) {
            m = new RandomProjection(m, p.integer(RandomProjection.WIDTH, 0), p.integer(RandomProjection.SEED, 0));
        }
        if (p.has(ProbeSubsample.ROWS)) { // outermost: fewer rows to project
            m = new ProbeSubsample(m, p.integer(ProbeSubsample.ROWS, 0), p.integer(ProbeSubsample.SEED, 0));
        }
        return m;
    }

    private static void requireWith(Parameters p, String name, String given, String needed) {
        if (p.has(given) && !p.has(needed)) {
            throw new IllegalArgumentException(name + ": " + given + " needs " + needed);
        }
    }

    /** {@link #fromSpec} of each, in order. */
    public static List<Measure> fromSpecs(List<String> specs) {
        return specs.stream().map(EstimatorCatalog::fromSpec).toList();
    }
}
