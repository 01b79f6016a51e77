package org.infolens.estimate.kernel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Kolchinsky-Tracey kernel bounds on the information plane, as Saxe et al. (2018) used them: model
 * T = h + e, e ~ N(0, s2 I). With L(v) the mean log density of the Gaussian mixture of variance v
 * centred on the probe's activations ({@link GaussianMixtureDensity}):
 * <ul>
 *   <li>upper: H(T) = d/2 + (d/2) ln(2 pi s2) - L(s2)</li>
 *   <li>lower: H(T) = [d/2 + (d/2) ln(2 pi 4 s2) - L(4 s2)] + (d/2) ln(1/4)</li>
 *   <li>I(X;T) = H(T) - H(T|X) with H(T|X) = (d/2)(ln(2 pi s2) + 1), the noise entropy</li>
 *   <li>I(T;Y) = H(T) - sum_y p(y) H(T | Y = y), the same bound on each class's rows.</li>
 * </ul>
 * Bits. Noise variance fixed (default 0.1, Saxe et al.'s paper; their 12-bit notebook used 1e-3) or
 * adaptive: c times the layer's largest |activation| at that epoch (Chelombiev et al.; c = 0.1 here,
 * their paper states none).
 */
public final class KernelBounds extends ConfiguredMeasure {

    public static final String NAME = "kde";
    private static final double LN2 = Math.log(2);

    /** Which bound. */
    public enum Bound {
        UPPER, LOWER
    }

    /** How the noise variance is set. */
    public enum Noise {
        /** {@code noiseVariance}, the same for every layer. */
        FIXED,
        /** c x the layer's largest |activation| at that epoch (Chelombiev et al.). */
        ADAPTIVE
    }

    public static final Param<Bound> BOUND = Param.choice("bound", Bound.UPPER, "which Kolchinsky-Tracey bound");
    public static final Param<Noise> NOISE = Param.choice("noise", Noise.FIXED, "a fixed noise variance, or c x the layer's max |a|");
    public static final Param<Double> NOISE_VARIANCE = Param.real("noiseVariance", 0.1, "variance s2 of the added Gaussian noise"
            + " (Saxe et al.'s paper; their 12-bit notebook used 1e-3)")
            .onlyWhen(NOISE, Noise.FIXED)
            .check(v -> v > 0, "> 0");
    public static final Param<Double> C = Param.real("c", 0.1, "adaptive noise: s2 = c x max |a| of the layer at that epoch")
            .onlyWhen(NOISE, Noise.ADAPTIVE)
            .check(v -> v > 0, "> 0");
    public static final ParameterSet PARAMETERS = ParameterSet.of(BOUND, NOISE, NOISE_VARIANCE, C);

    public static final List<Output> OUTPUTS = List.of(Output.bits(Quantity.H_T), Output.bits(Quantity.I_XT), Output.bits(Quantity.I_TY));

    /** The {@code kde} family for the catalog. */
    public static final class Provider extends MeasureProvider {
        public Provider() {
            super(NAME, "Kolchinsky-Tracey kernel bounds with Gaussian noise", PARAMETERS, OUTPUTS, KernelBounds::new);
        }
    }

    private final Bound bound;
    private final double noiseVariance; // fixed variance, or NaN when adaptive
    private final double adaptiveScale; // c, or NaN when fixed

    private KernelBounds(Config config) {
        super(NAME, config);
        this.bound = config.get(BOUND);
        this.noiseVariance = config.find(NOISE_VARIANCE).orElse(Double.NaN);
        this.adaptiveScale = config.find(C).orElse(Double.NaN);
    }

    /** Bounds with a fixed noise variance s2 > 0. */
    public static KernelBounds fixed(Bound bound, double noiseVariance) {
        return new KernelBounds(PARAMETERS.builder(NAME).set(BOUND, bound).set(NOISE_VARIANCE, noiseVariance).build());
    }

    /** Bounds with s2 = c * max |activation| of the layer at that epoch, c > 0. */
    public static KernelBounds adaptive(Bound bound, double c) {
        return new KernelBounds(PARAMETERS.builder(NAME).set(BOUND, bound).set(NOISE, Noise.ADAPTIVE).set(C, c).build());
    }

    private boolean isAdaptive() {
        return config.get(NOISE) == Noise.ADAPTIVE;
    }


    @Override
    public String label() {
        return NAME + "/" + BOUND.toJson(bound) + (isAdaptive() ? "-adaptive-" + adaptiveScale : "-" + noiseVariance);
    }


    @Override
    public Estimate estimate(LayerId layer, Activations values, Probe probe) {
        Measure.requireProbeRows(layer, values, probe);
        double s2 = noiseVariance;
        if (isAdaptive()) {
            double maxAbs = Math.max(Math.abs(values.min()), Math.abs(values.max()));
            s2 = adaptiveScale * maxAbs;
            if (!(s2 > 0)) {
                throw new IllegalArgumentException("layer " + layer.describe() + " is all zeros: the adaptive noise variance c * max|a| is 0");
            }
        }
        int d = values.columns();
        GaussianMixtureDensity all = mixture(values);
        double hT = entropyNats(all, d, s2);
        double hNoise = 0.5 * d * (Math.log(2 * Math.PI * s2) + 1);
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("H_T", hT / LN2);
        v.put("I_XT", (hT - hNoise) / LN2);
        if (probe.hasLabels()) {
            int[] y = probe.labels();
            int n = y.length;
            double hGivenY = 0;
            for (int c = 0; c < probe.classes(); c++) {
                int[] members = membersOf(y, c);
                if (members.length > 0) {
                    hGivenY += (double) members.length / n * entropyNats(all.subset(members), d, s2);
                }
            }
            v.put("I_TY", (hT - hGivenY) / LN2);
        }
        Map<String, Object> resolved = new LinkedHashMap<>();
        resolved.put(NOISE_VARIANCE.name(), s2);
        return new Estimate(v, resolved, Map.of());
    }

    /** The bound on H(T) in nats for mixture density m of points of dimension d. */
    private double entropyNats(GaussianMixtureDensity m, int d, double s2) {
        if (bound == Bound.UPPER) {
            return 0.5 * d + 0.5 * d * Math.log(2 * Math.PI * s2) - m.meanLog(s2);
        }
        double v = 4 * s2;
        return 0.5 * d + 0.5 * d * Math.log(2 * Math.PI * v) - m.meanLog(v) + 0.5 * d * Math.log(0.25);
    }

    private static int[] membersOf(int[] y, int c) {
        return java.util.stream.IntStream.range(0, y.length).filter(i -> y[i] == c).toArray();
    }

    /** The mixture over every row. */
    private static GaussianMixtureDensity mixture(Activations a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.getFlat(i);
        }
        return new GaussianMixtureDensity(v, a.rows(), a.columns());
    }

    /** A repeated row only weights one mixture component more: the bootstrap suits these bounds. */
    @Override
    public boolean biasedByRepeatedRows() {
        return false;
    }

}
