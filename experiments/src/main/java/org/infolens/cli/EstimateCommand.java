package org.infolens.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.infolens.data.Activations;
import org.infolens.data.Probe;
import org.infolens.estimate.EstimatorCatalog;
import org.infolens.estimate.interval.IntervalSettings;
import org.infolens.estimate.interval.WithConfidenceIntervals;
import org.infolens.experiments.VerdictOptions;
import org.infolens.io.MatrixFiles;
import org.infolens.measure.Measure;
import org.infolens.measure.MeasureProvider;
import org.infolens.measure.MeasureSpec;
import org.infolens.trajectory.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

/** {@code infolens estimate <measure>}: one estimate from saved activations, as one JSON object. */
@Command(name = "estimate", mixinStandardHelpOptions = true,
        description = "Estimate a measure from saved activations (.npy or .csv, rows = samples) and print one JSON object:"
                + " {measure, params (every parameter, defaults included), resolved (what the estimator resolved from them and the data),"
                + " n, values, units, details, seconds (estimation only)}.")
final class EstimateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Parameters(index = "0", paramLabel = "MEASURE", description = "the measure (${COMPLETION-CANDIDATES})", completionCandidates = MeasureNames.class)
    String measure;

    @Option(names = "--activations", required = true, paramLabel = "FILE", description = "activations T, rows = samples")
    Path activations;

    @Option(names = "--labels", paramLabel = "FILE", description = "integer class labels, one per row (for I(T;Y))")
    Path labels;

    @Option(names = "--inputs", paramLabel = "FILE", description = "inputs X, rows = samples: identical rows are the same input"
            + " (binning's I(X;T)); for ksg, the second variable")
    Path inputs;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "a measure parameter, repeatable (names as in pyref.py;"
            + " any measure also takes probeRows, probeSeed, maxWidth and projectionSeed)")
    List<String> params = new ArrayList<>();

    @Option(names = "--interval", paramLabel = "METHOD", description = "add confidence intervals: auto (the measure's own method),"
            + " bootstrap or subsampling")
    String interval;

    @Option(names = "--resamples", description = "bootstrap replicates (at least 100 are used) or splits per subsample size (default 10)")
    Integer resamples;

    @Option(names = "--level", description = "interval coverage (default 0.95)")
    Double level;

    @Option(names = "--interval-seed", description = "seed of the resampling (default 0)")
    Long intervalSeed;

    @Mixin
    VerdictOptions verdict = new VerdictOptions();

    /** Adds every registered measure, with its declared parameters, to {@code estimate}'s help. */
    static void describeMeasures(picocli.CommandLine estimate) {
        List<String> lines = new ArrayList<>(List.of("", "Measures and their parameters:"));
        for (MeasureProvider p : EstimatorCatalog.all()) {
            lines.add("  " + p.name() + ": " + p.description());
            p.parameters().describe().forEach(d -> lines.add("      " + d));
        }
        lines.add("  any measure:");
        EstimatorCatalog.WRAPPER_PARAMETERS.describe().forEach(d -> lines.add("      " + d));
        estimate.getCommandSpec().usageMessage().footer(lines.toArray(String[]::new));
    }

    /** Measure names for help texts. */
    static final class MeasureNames extends ArrayList<String> {
        MeasureNames() {
            super(EstimatorCatalog.names());
        }
    }

    @Override
    public Integer call() throws Exception {
        Measure m = EstimatorCatalog.create(spec());
        Activations t = MatrixFiles.readMatrix(activations);
        int[] y = labels == null ? null : MatrixFiles.readLabels(labels);
        int[] ids = null;
        Activations x = null;
        if (inputs != null) {
            x = MatrixFiles.readMatrix(inputs);
            if (x.rows() != t.rows()) {
                throw new IllegalArgumentException(inputs + " has " + x.rows() + " rows, " + activations + " has " + t.rows());
            }
            ids = Probe.identicalRowIds(x);
        }
        if (y != null && y.length != t.rows()) {
            throw new IllegalArgumentException(labels + " has " + y.length + " labels, " + activations + " has " + t.rows() + " rows");
        }
        if (t.rows() == 0) {
            throw new IllegalArgumentException(activations + " has no rows");
        }
        long nonFinite = t.countNonFinite();
        if (nonFinite > 0) {
            throw new IllegalArgumentException(activations + " has " + nonFinite + " NaN or infinite values; estimators need finite activations");
        }
        Probe probe = y == null ? Probe.unlabelled(t.rows(), ids) : ids == null ? Probe.of(y) : Probe.of(y, ids);
        if (x != null) {
            probe = probe.withInputs(x);
        }
        Probe p = probe;
        String what = String.format(java.util.Locale.ROOT, "estimate %s on %,d x %d", measure, t.rows(), t.columns());
        Estimation.Outcome outcome = LongTask.run(what, () -> Estimation.estimateOnce(m, t, p), spec.commandLine().getErr());
        out().println(Json.mapper().writeValueAsString(outcome.toJson()));
        return 0;
    }

    /** The measure's spec: its --param items, and the interval options as the {@code interval} object a record holds. */
    private MeasureSpec spec() {
        Map<String, Object> p = new LinkedHashMap<>(MeasureSpec.of(measure, params).params());
        if (interval != null) {
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put(IntervalSettings.METHOD.name(), interval);
            putIfGiven(settings, IntervalSettings.RESAMPLES.name(), resamples);
            putIfGiven(settings, IntervalSettings.LEVEL.name(), level);
            putIfGiven(settings, IntervalSettings.SEED.name(), intervalSeed);
            p.put(WithConfidenceIntervals.PARAMETER, settings);
        } else if (resamples != null || level != null || intervalSeed != null) {
            throw new IllegalArgumentException("--resamples, --level and --interval-seed need --interval");
        }
        return verdict.applyTo(new MeasureSpec(measure, p));
    }

    private static void putIfGiven(Map<String, Object> m, String name, Object value) {
        if (value != null) {
            m.put(name, value);
        }
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
