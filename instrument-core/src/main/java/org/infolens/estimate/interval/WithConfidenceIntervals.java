package org.infolens.estimate.interval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.Probe;
import org.infolens.measure.Estimate;
import org.infolens.measure.Interval;
import org.infolens.measure.ForwardingMeasure;
import org.infolens.measure.Measure;
import org.infolens.measure.RunObserver;
import org.infolens.numeric.RandomRows;

/**
 * Any measure with confidence intervals on each of its values: the estimate on all rows as before,
 * plus an interval from resampling the probe rows (see {@link IntervalSettings.Method}); over a
 * measure of a fixed subset of the probe ({@code probeRows}), the rows it reads. Method, resamples,
 * level and seed are recorded with the measure's parameters.
 */
public final class WithConfidenceIntervals extends ForwardingMeasure {

    /** The parameter under which the interval settings are recorded, as an object of {@link IntervalSettings#PARAMETERS}. */
    public static final String PARAMETER = "interval";

    private final IntervalSettings settings;
    private final IntervalSettings.Method method;

    public WithConfidenceIntervals(Measure inner, IntervalSettings settings) {
        super(inner);
        this.settings = settings;
        this.method = settings.method() != IntervalSettings.Method.AUTO ? settings.method()
                : inner.biasedByRepeatedRows() ? IntervalSettings.Method.SUBSAMPLING : IntervalSettings.Method.BOOTSTRAP;
    }

    @Override
    protected Map<String, Object> ownParameters() {
        return Map.of(PARAMETER, settings.parameters(method));
    }

    @Override
    public Estimate estimate(LayerId layer, Activations values, Probe probe) {
        Measure.requireProbeRows(layer, values, probe);
        int[] read = rowsRead(values.rows());
        if (read.length < values.rows()) {
            // a measure on a fixed subset of the probe (probeRows): resample the rows it reads, at its N
            return estimate(layer, values.selectRows(read), probe.selectRows(read));
        }
        Estimate full = inner.estimate(layer, values, probe);
        SplittableRandom rnd = new SplittableRandom(settings.seed());
        Map<String, Interval> intervals = method == IntervalSettings.Method.BOOTSTRAP
                ? bootstrap(layer, values, probe, full, rnd) : subsampling(layer, values, probe, full, rnd);
        Map<String, Object> details = withOutsideFlag(withZeroFlag(full.details(), intervals), full, intervals);
        return new Estimate(full.values(), full.layerParameters(), details, intervals);
    }

    /** The detail saying, per value, why the value shown lies outside its own interval. */
    public static final String OUTSIDE_INTERVAL = "outsideInterval";

    /**
     * The record reports the plug-in estimate on all N rows beside an interval for the quantity: the
     * subsampling interval is centred on the 1/N-extrapolated (bias-corrected) value, and bootstrap
     * replicates repeat rows, which shifts rank and kernel estimates. Where the value falls outside,
     * the record says why rather than leaving the reader to find out.
     */
    private Map<String, Object> withOutsideFlag(Map<String, Object> details, Estimate full, Map<String, Interval> intervals) {
        Map<String, String> why = new LinkedHashMap<>();
        for (Map.Entry<String, Interval> e : intervals.entrySet()) {
            double value = full.value(e.getKey());
            Interval i = e.getValue();
            if (value >= i.low() && value <= i.high()) {
                continue;
            }
            String reason = method == IntervalSettings.Method.SUBSAMPLING
                    ? "the interval is centred on the bias-corrected value " + i.centre() + " (extrapolated in 1/N from N/2 and N/4 rows);"
                    + " the value is the plug-in estimate on all N rows"
                    : "the bootstrap replicates repeat rows, which biases this estimate; the interval is their percentiles";
            if (details.get("log2N") instanceof Number ceiling && value >= ceiling.doubleValue() - 1e-9) {
                reason += "; the value is at the log2 N ceiling (every probe row apart), which a sample of N rows cannot exceed";
            }
            why.put(e.getKey(), reason);
        }
        if (why.isEmpty()) {
            return details;
        }
        Map<String, Object> out = new LinkedHashMap<>(details);
        out.put(OUTSIDE_INTERVAL, why);
        return out;
    }

    /** The detail naming the values whose interval reaches 0 or below: not distinguishable from none at all. */
    public static final String ZERO_WITHIN_INTERVAL = "zeroWithinInterval";

    /**
     * Flags the values whose interval reaches 0 (a k-NN MI of 3e-14 on inputs of different scales, a
     * negative estimate): written only where there is one, so a reader need not compare the numbers.
     */
    /** Zero up to the rounding of N digamma terms: KSG on unscaled inputs gave 3e-13 with an interval of width 0. */
    private static final double ZERO = 1e-9;

    static Map<String, Object> withZeroFlag(Map<String, Object> details, Map<String, Interval> intervals) {
        List<String> atZero = intervals.entrySet().stream().filter(e -> e.getValue().low() <= ZERO).map(Map.Entry::getKey).toList();
        if (atZero.isEmpty()) {
            return details;
        }
        Map<String, Object> out = new LinkedHashMap<>(details);
        out.put(ZERO_WITHIN_INTERVAL, atZero);
        return out;
    }

    private Map<String, Interval> bootstrap(LayerId layer, Activations values, Probe probe, Estimate full, SplittableRandom rnd) {
        int n = values.rows();
        Map<String, List<Double>> replicates = new LinkedHashMap<>();
        for (int b = 0; b < settings.bootstrapReplicates(); b++) {
            int[] rows = new int[n];
            for (int i = 0; i < n; i++) {
                rows[i] = rnd.nextInt(n);
            }
            collect(replicates, estimateOn(layer, values, probe, rows));
        }
        Map<String, Interval> out = new LinkedHashMap<>();
        double alpha = 1 - settings.level();
        for (Map.Entry<String, Double> v : full.values().entrySet()) {
            List<Double> r = replicates.getOrDefault(v.getKey(), List.of());
            if (r.size() >= settings.bootstrapReplicates() / 2) {
                double[] sorted = r.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                out.put(v.getKey(), new Interval(quantile(sorted, alpha / 2), quantile(sorted, 1 - alpha / 2), v.getValue()));
            }
        }
        return out;
    }

    /**
     * Disjoint halves and quarters, {@code resamples} random splits each; the intercept of a least-
     * squares line through (1/N, full), (2/N, mean of halves), (4/N, mean of quarters) is the
     * extrapolated value. Its variance has two parts: that of the estimate on N rows (from the
     * subsamples' variances, see {@link #fullSizeVariance}), and that of the bias correction, taken
     * from how much one split's mean of halves and of quarters vary from split to split (where the
     * parts' first-order terms cancel and the higher-order ones, which the correction is made of,
     * remain): without it the intervals of k-NN estimates cover too rarely.
     */
    private Map<String, Interval> subsampling(LayerId layer, Activations values, Probe probe, Estimate full, SplittableRandom rnd) {
        int n = values.rows();
        int[] parts = {2, 4};
        List<Map<String, List<Double>>> bySize = new ArrayList<>();
        List<Map<String, List<Double>>> splitMeansBySize = new ArrayList<>();
        for (int s : parts) {
            Map<String, List<Double>> estimates = new LinkedHashMap<>();
            Map<String, List<Double>> splitMeans = new LinkedHashMap<>();
            for (int r = 0; r < settings.resamples(); r++) {
                int[] perm = RandomRows.permutation(n, rnd);
                Map<String, List<Double>> split = new LinkedHashMap<>();
                for (int p = 0; p < s; p++) {
                    int from = (int) ((long) n * p / s);
                    int to = (int) ((long) n * (p + 1) / s);
                    collect(split, estimateOn(layer, values, probe, java.util.Arrays.copyOfRange(perm, from, to)));
                }
                split.forEach((k, e) -> {
                    estimates.computeIfAbsent(k, x -> new ArrayList<>()).addAll(e);
                    if (e.size() == s) {
                        splitMeans.computeIfAbsent(k, x -> new ArrayList<>()).add(mean(e));
                    }
                });
            }
            bySize.add(estimates);
            splitMeansBySize.add(splitMeans);
        }
        // The variances come from the splits, which are independent given the data: t with splits - 1 degrees of freedom.
        double z = Quantiles.studentT(0.5 + settings.level() / 2, settings.resamples() - 1);
        double[] c = interceptWeights(new double[] {1.0 / n, 2.0 / n, 4.0 / n});
        Map<String, Interval> out = new LinkedHashMap<>();
        for (Map.Entry<String, Double> v : full.values().entrySet()) {
            double[] y = {v.getValue(), 0, 0};
            double[] spread = new double[parts.length];     // variance of one subsample's estimate, per size
            double[] correction = new double[parts.length]; // variance of one split's mean, per size
            boolean enough = true;
            for (int i = 0; i < parts.length; i++) {
                List<Double> e = bySize.get(i).getOrDefault(v.getKey(), List.of());
                List<Double> m = splitMeansBySize.get(i).getOrDefault(v.getKey(), List.of());
                if (m.size() < 2 || e.size() < settings.resamples() * parts[i] / 2) {
                    enough = false;
                    break;
                }
                y[i + 1] = mean(e);
                spread[i] = variance(e);
                correction[i] = variance(m);
            }
            if (!enough) {
                continue;
            }
            double centre = 0;
            for (int i = 0; i < 3; i++) {
                centre += c[i] * y[i];
            }
            double varCentre = fullSizeVariance(spread[0], spread[1]) + c[1] * c[1] * correction[0] + c[2] * c[2] * correction[1];
            double half = z * Math.sqrt(varCentre);
            out.put(v.getKey(), new Interval(centre - half, centre + half, centre));
        }
        return out;
    }

    private static double mean(List<Double> e) {
        return e.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static double variance(List<Double> e) {
        double m = mean(e);
        return e.stream().mapToDouble(d -> (d - m) * (d - m)).sum() / (e.size() - 1);
    }

    /**
     * The variance of the estimate on all N rows from those on N/2 and N/4, by the 1/n law of
     * Holmes and Nemenman (averaged over the two sizes). Asymptotic: at a few hundred rows per
     * quarter, k-NN entropies vary more than it says (see the note on coverage in the README).
     */
    private static double fullSizeVariance(double halves, double quarters) {
        return (halves / 2 + quarters / 4) / 2;
    }

    /** Coefficients c with intercept = sum c_i y_i for the least-squares line through (x_i, y_i). */
    private static double[] interceptWeights(double[] x) {
        int m = x.length;
        double mx = 0;
        for (double v : x) {
            mx += v / m;
        }
        double sxx = 0;
        for (double v : x) {
            sxx += (v - mx) * (v - mx);
        }
        double[] c = new double[m];
        for (int i = 0; i < m; i++) {
            c[i] = 1.0 / m - mx * (x[i] - mx) / sxx;
        }
        return c;
    }

    private Map<String, Double> estimateOn(LayerId layer, Activations values, Probe probe, int[] rows) {
        try {
            return inner.estimate(layer, values.selectRows(rows), probe.selectRows(rows)).values();
        } catch (IllegalArgumentException e) {
            return Map.of(); // too few rows for this estimator: this resample counts as missing
        }
    }

    private static void collect(Map<String, List<Double>> into, Map<String, Double> values) {
        values.forEach((k, v) -> into.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
    }

    /** Linear interpolation between order statistics (numpy's default). */
    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    @Override
    public String toString() {
        return "WithConfidenceIntervals" + parameters();
    }
}
