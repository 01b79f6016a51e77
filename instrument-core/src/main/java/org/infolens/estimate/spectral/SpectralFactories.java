package org.infolens.estimate.spectral;

import java.util.List;
import java.util.Locale;
import org.infolens.measure.MeasureFactory;
import org.infolens.measure.MeasureFamily;
import org.infolens.measure.Parameters;

/** The spectral families from text parameters; dse and dsmi with pyref.py's names (sigma, t, maxN, repetitions, seed). */
public final class SpectralFactories {

    private static final List<String> METHOD_NAMES = List.of("method", "rank", "probes", "steps");

    private SpectralFactories() {
    }

    /** {@code dse}: sigma (number, sqrt-d, median), t, maxN, seed, method (exact, slq) with rank, probes, steps. */
    public static MeasureFactory dse() {
        return new MeasureFamily(DiffusionSpectralEntropy.NAME, "diffusion spectral entropy of T: DSE",
                names(List.of("sigma", "t", "maxN", "seed")), p -> DiffusionSpectralEntropy.builder()
                        .sigma(Bandwidth.parse(p.string("sigma", "10")))
                        .t(p.real("t", 1))
                        .maxN(p.integer("maxN", 10_000))
                        .seed(p.integer("seed", 0))
                        .method(method(p))
                        .build());
    }

    /** {@code dsmi}: against (labels, inputs, both), clusters, sigma, t, repetitions, seed, method. */
    public static MeasureFactory dsmi() {
        return new MeasureFamily(DiffusionSpectralMutualInformation.NAME,
                "diffusion spectral mutual information with the labels (DSMI_TY) or input clusters (DSMI_XT)",
                names(List.of("against", "clusters", "sigma", "t", "repetitions", "seed")), p -> DiffusionSpectralMutualInformation.builder()
                        .against(DiffusionSpectralMutualInformation.Against.valueOf(
                                p.choice("against", "labels", List.of("labels", "inputs", "both")).toUpperCase(Locale.ROOT)))
                        .clusters(p.integer("clusters", 0))
                        .sigma(Bandwidth.parse(p.string("sigma", "10")))
                        .t(p.real("t", 1))
                        .repetitions(p.integer("repetitions", 5))
                        .seed(p.integer("seed", 0))
                        .method(method(p))
                        .build());
    }

    /** {@code effective-rank}: no parameters. */
    public static MeasureFactory effectiveRank() {
        return new MeasureFamily(EffectiveRank.NAME, "exp of the entropy of the singular values of centred T: effective_rank", List.of(),
                p -> new EffectiveRank());
    }

    /** {@code participation-ratio}: no parameters. */
    public static MeasureFactory participationRatio() {
        return new MeasureFamily(ParticipationRatio.NAME, "(sum lambda)^2 / sum lambda^2 of T's covariance: participation_ratio",
                List.of(), p -> new ParticipationRatio());
    }

    /** {@code twonn}: discard (default 0.1). */
    public static MeasureFactory twoNn() {
        return new MeasureFamily(TwoNnDimension.NAME, "TwoNN intrinsic dimension of T: twonn_dimension", List.of("discard"),
                p -> new TwoNnDimension(p.real("discard", 0.1)));
    }

    private static SpectrumMethod method(Parameters p) {
        boolean slq = p.choice("method", "exact", List.of("exact", "slq")).equals("slq");
        for (String name : List.of("rank", "probes", "steps")) {
            p.rejectUnless(slq, name, "with method=exact");
        }
        LanczosQuadrature d = LanczosQuadrature.defaults();
        return slq ? new LanczosQuadrature(p.integer("rank", d.rank()), p.integer("probes", d.probes()), p.integer("steps", d.steps()))
                : new ExactSpectrum();
    }

    private static List<String> names(List<String> own) {
        List<String> all = new java.util.ArrayList<>(own);
        all.addAll(METHOD_NAMES);
        return all;
    }
}
