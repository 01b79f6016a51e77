package org.infolens.estimate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.infolens.config.ParameterSet;
import org.infolens.estimate.interval.IntervalSettings;
import org.infolens.estimate.interval.VerdictSettings;
import org.infolens.estimate.interval.WithConfidenceIntervals;
import org.infolens.estimate.interval.WithReliabilityVerdict;
import org.infolens.measure.Family;
import org.infolens.measure.Measure;
import org.infolens.measure.MeasureProvider;
import org.infolens.measure.MeasureRegistry;
import org.infolens.measure.MeasureSpec;
import org.infolens.measure.ParameterMeasure;
import org.infolens.measure.ParameterMeasureProvider;

/**
 * Makes measures of the families in the {@link MeasureRegistry} (infolens' own and any jar's, found by
 * {@link java.util.ServiceLoader}) from specs: the command line's text and a record's or run.json's
 * parameters alike, so a recorded measure replays; the wrappers every measure takes included.
 */
public final class EstimatorCatalog {

    /**
     * Parameters every measure takes, through wrappers: {@code probeRows} (and {@code probeSeed}) reads a
     * fixed seeded subset of the probe rows ({@link ProbeSubsample}); {@code maxWidth} (and
     * {@code projectionSeed}) reads wider layers through a seeded random projection ({@link RandomProjection}).
     * A record's {@code interval} object (method, resamples, level, seed) adds {@link WithConfidenceIntervals}, its
     * {@code verdict} object ({@link VerdictSettings}) the reliability verdict ({@link WithReliabilityVerdict}), outermost.
     */
    public static final ParameterSet WRAPPER_PARAMETERS = ProbeSubsample.PARAMETERS.and(RandomProjection.PARAMETERS);

    private EstimatorCatalog() {
    }

    /** Every registered measure family, infolens' own first (in class-path order). */
    public static List<MeasureProvider> all() {
        return MeasureRegistry.measures();
    }

    public static List<String> names() {
        return all().stream().map(MeasureProvider::name).toList();
    }

    /** The family called {@code name}; an unknown name is an error that lists the known ones. */
    public static MeasureProvider named(String name) {
        return find(all(), name, "measure");
    }

    /** Every registered parameter-measure family (weights, gradients). */
    public static List<ParameterMeasureProvider> parameterMeasures() {
        return MeasureRegistry.parameterMeasures();
    }

    /** A parameter measure from its name and parameters, as run.json lists it. */
    public static ParameterMeasure parameterMeasure(MeasureSpec spec) {
        return find(parameterMeasures(), spec.name(), "parameter measure").create(spec.params());
    }

    private static <P extends Family<?>> P find(List<P> families, String name, String what) {
        for (P f : families) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + name + "'; known: "
                + String.join(", ", families.stream().map(Family::name).toList()));
    }

    /**
     * The measure a spec describes: the family's own parameters, then the wrappers' (see
     * {@link #WRAPPER_PARAMETERS}), projection inside subsampling, and an {@code interval} object
     * outermost, as {@link Measure#parameters()} lists them. Unknown names are errors listing the known ones.
     */
    public static Measure create(MeasureSpec spec) {
        MeasureProvider family = named(spec.name());
        Map<String, Object> own = new LinkedHashMap<>();
        Map<String, Object> subsample = new LinkedHashMap<>();
        Map<String, Object> projection = new LinkedHashMap<>();
        Object interval = null;
        Object verdict = null;
        for (Map.Entry<String, Object> e : spec.params().entrySet()) {
            String k = e.getKey();
            if (family.parameters().declares(k)) {
                own.put(k, e.getValue());
            } else if (ProbeSubsample.PARAMETERS.declares(k)) {
                subsample.put(k, e.getValue());
            } else if (RandomProjection.PARAMETERS.declares(k)) {
                projection.put(k, e.getValue());
            } else if (k.equals(WithConfidenceIntervals.PARAMETER)) {
                interval = e.getValue();
            } else if (k.equals(WithReliabilityVerdict.PARAMETER)) {
                verdict = e.getValue();
            } else {
                family.parameters().and(WRAPPER_PARAMETERS).rejectUnknown(spec.name(), List.of(k));
            }
        }
        Measure m = family.create(own);
        if (!projection.isEmpty()) {
            m = new RandomProjection(m, RandomProjection.PARAMETERS.read(spec.name(), projection));
        }
        if (!subsample.isEmpty()) {
            m = new ProbeSubsample(m, ProbeSubsample.PARAMETERS.read(spec.name(), subsample));
        }
        Measure plain = m;
        if (interval != null) {
            if (!(interval instanceof Map<?, ?> settings)) {
                throw new IllegalArgumentException(spec.name() + ": " + WithConfidenceIntervals.PARAMETER + " is an object of "
                        + IntervalSettings.PARAMETERS.names() + ", got " + interval);
            }
            m = new WithConfidenceIntervals(m, IntervalSettings.of(IntervalSettings.PARAMETERS.read(spec.name() + " interval",
                    stringKeys(settings))));
        }
        if (verdict != null) {
            if (!(verdict instanceof Map<?, ?> settings)) {
                throw new IllegalArgumentException(spec.name() + ": " + WithReliabilityVerdict.PARAMETER + " is an object of "
                        + VerdictSettings.PARAMETERS.names() + ", got " + verdict);
            }
            // the subsets and shuffles are estimated without the resampled intervals, which only the reported estimate needs
            m = new WithReliabilityVerdict(m, plain, VerdictSettings.of(VerdictSettings.PARAMETERS.read(spec.name() + " verdict",
                    stringKeys(settings))));
        }
        return m;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /** {@link #create} of {@code name} or {@code name:param=value,param=value}, the command line's form. */
    public static Measure fromSpec(String spec) {
        return create(MeasureSpec.parse(spec));
    }

    /** {@link #fromSpec} of each, in order. */
    public static List<Measure> fromSpecs(List<String> specs) {
        return specs.stream().map(EstimatorCatalog::fromSpec).toList();
    }
}
