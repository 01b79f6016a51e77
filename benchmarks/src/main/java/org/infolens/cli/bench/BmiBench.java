package org.infolens.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.infolens.bmi.BmiTask;
import org.infolens.bmi.BmiTasks;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.Probe;
import org.infolens.estimate.EstimatorCatalog;
import org.infolens.estimate.interval.IntervalSettings;
import org.infolens.estimate.interval.VerdictSettings;
import org.infolens.estimate.interval.WithConfidenceIntervals;
import org.infolens.estimate.interval.WithReliabilityVerdict;
import org.infolens.measure.Estimate;
import org.infolens.measure.Interval;
import org.infolens.measure.Measure;
import org.infolens.measure.MeasureProvider;
import org.infolens.measure.MeasureSpec;
import org.infolens.measure.Output;
import org.infolens.measure.Quantity;
import org.infolens.measure.Unit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The Beyond-Normal benchmark (Czyz et al. 2023): every estimator that takes continuous X and Y, on
 * the 40 tasks with closed-form ground truth, at several N. A task is solved at N when the mean
 * estimate over seeds is within a factor 1.5 of the truth (|ln(mean / truth)| < ln 1.5), as in the
 * paper; the table gives the ratio per N, the smallest N from which the task stays solved, seconds per
 * estimate and, with {@code --intervals} or {@code --verdict}, how often the 95 percent interval covered the truth
 * (with the verdict: among the estimates it does not call unreliable, which are counted).
 *
 * <p>Estimators are found in the registry: those whose outputs include I(X;T) (T = the activations,
 * X = the probe's inputs), or I(T;Z) with Z the inputs (ksg). X of a task is given as the
 * activations, Y as the probe's inputs.
 */
@Command(name = "bmi", mixinStandardHelpOptions = true,
        description = "The 40 Beyond-Normal tasks (Czyz et al. 2023): solved tasks, seconds per estimate, interval coverage.")
final class BmiBench implements Callable<Integer> {

    private static final double LN2 = Math.log(2);
    static final double SOLVED = Math.log(1.5);

    @Spec
    CommandSpec spec;

    @Option(names = "--rows", split = ",", defaultValue = "1000,5000,10000", description = "N, ascending (default ${DEFAULT-VALUE})")
    List<Integer> rows;

    @Option(names = "--seeds", defaultValue = "3", description = "seeded samples per task and N (default ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--measure", description = "an estimator spec, repeatable (default: every registered estimator of I between"
            + " the activations and the inputs, at its defaults)")
    List<String> measures = new ArrayList<>();

    @Option(names = "--task", description = "run only the tasks whose name contains this text, repeatable")
    List<String> taskFilters = new ArrayList<>();

    @Option(names = "--skip", description = "leave out the tasks whose name starts with this text, repeatable (e.g. the per-column"
            + " monotone maps 'normal-cdf @', 'half-cube @', 'asinh @', which give a copula estimator the very same input)")
    List<String> skips = new ArrayList<>();

    @Option(names = "--intervals", description = "wrap each estimator in its confidence intervals (auto) and report their coverage")
    boolean intervals;

    @Option(names = "--verdict", description = "add the reliability verdict (defaults): estimates it calls unreliable are counted,"
            + " and coverage is that of the intervals of the others (the verdict's extrapolation, unless --intervals)")
    boolean verdict;

    @Option(names = "--verdict-param", paramLabel = "NAME=VALUE", description = "a verdict setting, repeatable (as on estimate):"
            + " maxGamma, minPoints, ratio, level, shuffles, seed")
    List<String> verdictParams = new ArrayList<>();

    @Option(names = "--out", defaultValue = "runs/bench-bmi", description = "where results.tsv and bmi-heatmap.png/.svg go"
            + " (default ${DEFAULT-VALUE})")
    Path out;

    /** One line per estimate (task, estimator, N, seed, truth, value, verdict), nats: what the summary table is made of. */
    private final StringBuilder estimates = new StringBuilder(
            "task\testimator\trows\tseed\ttruth_nats\tvalue_nats\tseconds\tlow\thigh\tstatus\textrapolated\tgammas\tpoints\n");

    /**
     * An estimator under test and the value it gives for I between X and Y. Each estimate gets a new
     * measure: one that keeps state between estimates (a neural critic warm-started from the last)
     * would otherwise start every seed and task from the previous one's training, which no user
     * estimating once gets.
     */
    record Candidate(String spec, Supplier<Measure> fresh, String value, Unit unit) {
    }

    /**
     * The estimates of one estimator on one task at one N, over the seeds: how many had an interval
     * (from a reliable verdict, or from --intervals) and how many of those covered the truth, and how
     * many the verdict called unreliable.
     */
    record Cell(double[] nats, double seconds, int covered, int withInterval, int unreliable, String error) {

        double mean() {
            double s = 0;
            for (double v : nats) {
                s += v;
            }
            return s / nats.length;
        }

        /** ln(mean / truth); NaN when the mean is not positive (never within a factor of the truth) or on error. */
        double logRatio(double truth) {
            double m = mean();
            return error != null || !(m > 0) ? Double.NaN : Math.log(m / truth);
        }

        boolean solved(double truth) {
            double r = logRatio(truth);
            return !Double.isNaN(r) && Math.abs(r) < SOLVED;
        }
    }

    @Override
    public Integer call() throws IOException {
        if (seeds < 1 || rows.isEmpty() || rows.stream().anyMatch(n -> n < 10)) {
            throw new ParameterException(spec.commandLine(), "bench bmi needs --seeds >= 1 and every --rows >= 10");
        }
        List<Integer> sizes = rows.stream().sorted().distinct().toList();
        List<BmiTask> tasks = BmiTasks.all().stream()
                .filter(t -> taskFilters.isEmpty() || taskFilters.stream().anyMatch(f -> t.name().contains(f)))
                .filter(t -> skips.stream().noneMatch(t.name()::startsWith)).toList();
        if (tasks.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no task name contains " + taskFilters + "; tasks: "
                    + BmiTasks.all().stream().map(BmiTask::name).toList());
        }
        List<Candidate> candidates = candidates();
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "Beyond-Normal benchmark: %d tasks, N = %s, %d seeds, estimators %s%n", tasks.size(), sizes, seeds,
                candidates.stream().map(Candidate::spec).toList());
        w.flush();
        Cell[][][] cells = new Cell[tasks.size()][candidates.size()][sizes.size()];
        Files.createDirectories(out);
        for (int ni = 0; ni < sizes.size(); ni++) {
            for (int ti = 0; ti < tasks.size(); ti++) {
                run(tasks.get(ti), sizes.get(ni), candidates, cells, ti, ni);
                Files.writeString(out.resolve("estimates.tsv"), estimates, StandardCharsets.UTF_8); // a long run's estimates so far
                w.printf(Locale.ROOT, "  N = %d  %-40s", sizes.get(ni), tasks.get(ti).name());
                for (int ci = 0; ci < candidates.size(); ci++) {
                    Cell c = cells[ti][ci][ni];
                    w.printf(Locale.ROOT, "  %s", c.error != null ? "error" : String.format(Locale.ROOT, "%.3f/%.3f",
                            c.mean(), tasks.get(ti).truthNats()));
                }
                w.println();
                w.flush();
            }
        }
        BmiTable table = new BmiTable(tasks, candidates.stream().map(Candidate::spec).toList(), sizes, cells, intervals || verdict, verdict);
        table.print(w);
        Files.writeString(out.resolve("results.tsv"), table.tsv(), StandardCharsets.UTF_8);
        BmiHeatMap.figure(table).write(out);
        w.printf(Locale.ROOT, "%nwrote %s, %s (one line per estimate) and %s%n", out.resolve("results.tsv"), out.resolve("estimates.tsv"),
                out.resolve("bmi-heatmap.png"));
        return 0;
    }

    private void run(BmiTask task, int n, List<Candidate> candidates, Cell[][][] cells, int ti, int ni) {
        double[][] nats = new double[candidates.size()][seeds];
        double[] seconds = new double[candidates.size()];
        int[] covered = new int[candidates.size()];
        int[] withInterval = new int[candidates.size()];
        int[] unreliable = new int[candidates.size()];
        String[] error = new String[candidates.size()];
        for (int s = 0; s < seeds; s++) {
            BmiTask.Sample sample = task.sample(n, 1000L * n + s);
            Activations x = Activations.ofRowsFloat64(sample.x());
            Probe probe = Probe.of(new int[n]).withInputs(Activations.ofRowsFloat64(sample.y()));
            for (int ci = 0; ci < candidates.size(); ci++) {
                if (error[ci] != null) {
                    continue;
                }
                Candidate c = candidates.get(ci);
                try {
                    long t0 = System.nanoTime();
                    Estimate e = c.fresh().get().estimate(LayerId.of(0, task.dimX()), x, probe);
                    double took = (System.nanoTime() - t0) / 1e9;
                    seconds[ci] += took;
                    double toNats = c.unit() == Unit.BITS ? LN2 : 1;
                    nats[ci][s] = e.value(c.value()) * toNats;
                    boolean flagged = e.details().get(WithReliabilityVerdict.UNRELIABLE) instanceof List<?> u && u.contains(c.value());
                    unreliable[ci] += flagged ? 1 : 0;
                    Interval i = e.intervals().get(c.value());
                    if (i != null && !flagged) {
                        withInterval[ci]++;
                        covered[ci] += i.contains(task.truthNats() / toNats) ? 1 : 0;
                    }
                    estimateLine(task, c, n, s, nats[ci][s], took, flagged ? null : i, e, toNats);
                } catch (RuntimeException ex) {
                    error[ci] = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
                }
            }
        }
        for (int ci = 0; ci < candidates.size(); ci++) {
            cells[ti][ci][ni] = new Cell(nats[ci], seconds[ci] / seeds, covered[ci], withInterval[ci], unreliable[ci], error[ci]);
        }
    }

    private void estimateLine(BmiTask task, Candidate c, int n, int seed, double value, double seconds, Interval i, Estimate e,
                              double toNats) {
        Map<?, ?> verdict = e.details().get(WithReliabilityVerdict.DETAIL) instanceof Map<?, ?> all
                && all.get(c.value()) instanceof Map<?, ?> m ? m : Map.of();
        StringBuilder points = new StringBuilder();
        if (verdict.get("points") instanceof List<?> ps) {
            for (Object o : ps) {
                Map<?, ?> p = (Map<?, ?>) o;
                double se = p.get("se") instanceof Number x ? x.doubleValue() * toNats : Double.NaN;
                points.append(points.length() == 0 ? "" : ";").append(String.format(Locale.ROOT, "%s:%.6g:%.4g", p.get("gamma"),
                        ((Number) p.get("mean")).doubleValue() * toNats, se));
            }
        }
        double extrapolated = verdict.get("extrapolated") instanceof Number x ? x.doubleValue() * toNats : Double.NaN;
        estimates.append(String.format(Locale.ROOT, "%s\t%s\t%d\t%d\t%.6g\t%.6g\t%.3f\t%.6g\t%.6g\t%s\t%.6g\t%s\t%s%n", task.name(),
                c.spec(), n, seed, task.truthNats(), value, seconds, i == null ? Double.NaN : i.low() * toNats,
                i == null ? Double.NaN : i.high() * toNats, Objects.requireNonNullElse(verdict.get("status"), "-"), extrapolated,
                Objects.requireNonNullElse(verdict.get("gammas"), "-").toString().replace(" ", ""), points.length() == 0 ? "-" : points));
    }

    private List<Candidate> candidates() {
        List<String> specs = measures.isEmpty() ? EstimatorCatalog.all().stream().filter(p -> miValue(p.outputs()) != null)
                .map(MeasureProvider::name).toList() : measures;
        List<Candidate> out = new ArrayList<>();
        for (String s : specs) {
            Measure m = EstimatorCatalog.fromSpec(s);
            Output o = miValue(m.outputs());
            if (o == null) {
                throw new ParameterException(spec.commandLine(), "'" + s + "' gives no mutual information between the activations and"
                        + " the inputs (an output of quantity I(X;T), or I(T;Z)); it gives " + m.outputs().stream().map(Output::name).toList());
            }
            VerdictSettings verdictSettings = verdict ? verdictSettings() : null;
            Supplier<Measure> fresh = () -> {
                Measure plain = EstimatorCatalog.fromSpec(s);
                Measure measured = intervals ? new WithConfidenceIntervals(plain, IntervalSettings.defaults()) : plain;
                return verdict ? new WithReliabilityVerdict(measured, plain, verdictSettings) : measured;
            };
            out.add(new Candidate(s, fresh, o.name(), o.unit()));
        }
        return out;
    }

    private VerdictSettings verdictSettings() {
        Map<String, Object> given = MeasureSpec.of("--verdict-param", verdictParams).params();
        return VerdictSettings.of(VerdictSettings.PARAMETERS.read("bench bmi verdict", given));
    }

    /** The output that is I between the activations and the probe's inputs, or null. */
    static Output miValue(List<Output> outputs) {
        for (Output o : outputs) {
            if (o.quantity() == Quantity.I_XT || "I(T;Z)".equals(o.display())) {
                return o;
            }
        }
        return null;
    }
}
