package org.infolens.estimate.interval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.infolens.data.Activations;
import org.infolens.data.LayerId;
import org.infolens.data.Probe;
import org.infolens.measure.Estimate;
import org.infolens.measure.ForwardingMeasure;
import org.infolens.measure.Interval;
import org.infolens.measure.Measure;
import org.infolens.measure.Output;
import org.infolens.measure.Quantity;
import org.infolens.measure.Unit;
import org.infolens.numeric.RandomRows;

/**
 * Any measure with a reliability verdict on each of its values ({@link ReliabilityVerdict}): the
 * estimate on all rows as before, plus in {@code details.verdict} per value whether the estimates on
 * 1 .. maxGamma disjoint subsets extrapolate linearly to infinite N and to what, the permutation null
 * (the estimate with the activations' pairing with the probe shuffled) for information values, and
 * every structural ceiling the value or its interval reaches (log2 N, H(Y), a bound's ln batch). A value
 * at a ceiling, or whose interval reaches one, or without a linear regime is {@code unreliable}, named in
 * {@code details.unreliable}. Over a measure of a fixed subset of the probe ({@code probeRows}) the
 * subsets are cut from the rows it reads. Where the measure gives no interval of its own, the
 * extrapolation's becomes the value's interval.
 */
public final class WithReliabilityVerdict extends ForwardingMeasure {

    /** The parameter under which the settings are recorded, an object of {@link VerdictSettings#PARAMETERS}. */
    public static final String PARAMETER = "verdict";
    /** The detail holding each value's verdict. */
    public static final String DETAIL = "verdict";
    /** The detail listing the unreliable values. */
    public static final String UNRELIABLE = "unreliable";

    /** Within this of log2 N or H(Y) (bits) a value is at the ceiling. */
    private static final double CEILING_BITS = 0.01;
    /** Within this of a bound's ceiling (nats), as the neural estimators flag it. */
    private static final double CEILING_NATS = 0.1;

    private final Measure plain;
    private final VerdictSettings settings;

    /** The verdict on {@code inner}'s values; the subsets are estimated by {@code inner} itself. */
    public WithReliabilityVerdict(Measure inner, VerdictSettings settings) {
        this(inner, inner, settings);
    }

    /**
     * @param measured what gives the reported estimate (with its intervals, if any)
     * @param plain    the same measure without resampled intervals, for the subsets and shuffles
     */
    public WithReliabilityVerdict(Measure measured, Measure plain, VerdictSettings settings) {
        super(measured);
        this.plain = plain;
        this.settings = settings;
    }

    @Override
    protected Map<String, Object> ownParameters() {
        return Map.of(PARAMETER, settings.parameters());
    }

    @Override
    public Estimate estimate(LayerId layer, Activations values, Probe probe) {
        Measure.requireProbeRows(layer, values, probe);
        int[] read = rowsRead(values.rows());
        if (read.length < values.rows()) {
            // a measure on a fixed subset of the probe (probeRows): the subsets are cut from the rows it reads, which
            // it then reads whole; cut from all rows, each would be read as another subset of the same size
            return estimate(layer, values.selectRows(read), probe.selectRows(read));
        }
        Estimate full = inner.estimate(layer, values, probe);
        int n = values.rows();
        SplittableRandom rnd = new SplittableRandom(settings.seed());
        Map<String, Map<Integer, double[]>> bySize = new LinkedHashMap<>();
        for (String v : full.values().keySet()) {
            Map<Integer, double[]> m = new LinkedHashMap<>();
            m.put(1, new double[] {full.value(v)});
            bySize.put(v, m);
        }
        for (int gammaIndex = 2; gammaIndex <= settings.maxGamma() && n / gammaIndex >= 2; gammaIndex++) {
            final int g = gammaIndex;
            int[] perm = RandomRows.permutation(n, rnd);
            int size = n / g; // disjoint subsets of equal size; the remainder rows sit out
            Map<String, double[]> got = new LinkedHashMap<>();
            for (int p = 0; p < g; p++) {
                Map<String, Double> e = estimateOn(part(layer, "gamma " + g + ", subset " + (p + 1)), values, probe,
                        Arrays.copyOfRange(perm, p * size, (p + 1) * size));
                for (String v : full.values().keySet()) {
                    Double x = e.get(v);
                    double[] into = got.computeIfAbsent(v, k -> new double[g]);
                    into[p] = x == null || !Double.isFinite(x) ? Double.NaN : x;
                }
            }
            got.forEach((v, e) -> {
                if (Arrays.stream(e).allMatch(Double::isFinite)) {
                    bySize.get(v).put(g, e);
                }
            });
        }
        Map<String, Double> nullMean = new LinkedHashMap<>();
        Map<String, Double> nullMax = new LinkedHashMap<>();
        permutationNull(layer, values, probe, rnd, nullMean, nullMax);
        Map<String, Unit> units = new LinkedHashMap<>();
        Map<String, Quantity> quantities = new LinkedHashMap<>();
        for (Output o : inner.outputs()) {
            units.put(o.name(), o.unit());
            quantities.put(o.name(), o.quantity());
        }
        int rowsUsed = inner.rowsUsed(n);
        double labelEntropy = labelEntropyBits(probe);
        Map<String, Object> verdicts = new LinkedHashMap<>();
        List<String> unreliable = new ArrayList<>();
        Map<String, Interval> intervals = new LinkedHashMap<>(full.intervals());
        Map<String, Object> outside = new LinkedHashMap<>();
        for (String v : full.values().keySet()) {
            double value = full.value(v);
            ReliabilityVerdict fit = ReliabilityVerdict.of(bySize.get(v), n, settings);
            Map<String, Object> m = fit.toMap();
            // the interval counts as the value does: a value under a ceiling whose interval reaches it may be held down by it
            double reach = value;
            if (full.intervals().containsKey(v)) {
                reach = Math.max(reach, full.intervals().get(v).high());
            }
            if (fit.reliable()) {
                reach = Math.max(reach, fit.high());
            }
            List<String> ceilings = ceilings(reach, units.get(v), quantities.get(v), rowsUsed, labelEntropy, full.details());
            if (!ceilings.isEmpty()) {
                List<String> atValue = ceilings(value, units.get(v), quantities.get(v), rowsUsed, labelEntropy, full.details());
                m.put("ceilings", ceilings);
                m.put("status", "unreliable");
                String where = atValue.isEmpty() ? String.format(java.util.Locale.ROOT, "its interval reaches a structural ceiling"
                        + " (upper end %.4f, value %.4f): ", reach, value) : "at a structural ceiling: ";
                m.put("reason", where + String.join("; ", ceilings) + (fit.reliable() ? "" : "; and " + fit.reason()));
            }
            if (nullMean.containsKey(v)) {
                Map<String, Object> nul = new LinkedHashMap<>();
                nul.put("mean", nullMean.get(v));
                nul.put("max", nullMax.get(v));
                nul.put("shuffles", settings.shuffles());
                m.put("permutationNull", nul);
                m.put("aboveNull", (fit.reliable() ? fit.low() : value) > nullMax.get(v));
            }
            if ("unreliable".equals(m.get("status"))) {
                unreliable.add(v);
            } else if (!intervals.containsKey(v)) {
                intervals.put(v, new Interval(fit.low(), fit.high(), fit.extrapolated()));
                if (value < fit.low() || value > fit.high()) {
                    outside.put(v, "the interval is centred on the value extrapolated to infinite N (" + fit.extrapolated() + ") from "
                            + "disjoint subsets of N / gamma rows, gamma " + fit.gammas() + "; the value is the plug-in estimate on all N rows");
                }
            }
            verdicts.put(v, m);
        }
        Map<String, Object> details = new LinkedHashMap<>(full.details());
        details.put(DETAIL, verdicts);
        if (!unreliable.isEmpty()) {
            details.put(UNRELIABLE, unreliable);
        }
        if (!outside.isEmpty()) {
            Map<String, Object> why = new LinkedHashMap<>();
            if (details.get(WithConfidenceIntervals.OUTSIDE_INTERVAL) instanceof Map<?, ?> before) {
                before.forEach((k, x) -> why.put(String.valueOf(k), x));
            }
            why.putAll(outside);
            details.put(WithConfidenceIntervals.OUTSIDE_INTERVAL, why);
        }
        // an extrapolated interval reaching 0 is flagged as the resampled ones are
        return new Estimate(full.values(), full.layerParameters(), WithConfidenceIntervals.withZeroFlag(details, intervals), intervals);
    }

    /**
     * The layer as a subset or shuffle is estimated under: a name of its own, so that what a measure
     * keeps from one estimate of a layer to the next (a neural critic to warm-start from) never
     * carries over between the full rows, the subsets and the shuffles. A critic trained on the full
     * rows has seen most of a subset's held-out rows, and would score them as if they were new.
     */
    private static LayerId part(LayerId layer, String which) {
        return layer.withName(layer.name() + " [verdict " + which + "]");
    }

    /** The shuffled pairing breaks every dependence between the activations and the probe's labels and inputs. */
    private void permutationNull(LayerId layer, Activations values, Probe probe, SplittableRandom rnd, Map<String, Double> mean,
                                 Map<String, Double> max) {
        Map<String, List<Double>> got = new LinkedHashMap<>();
        for (int s = 0; s < settings.shuffles(); s++) {
            int[] perm = RandomRows.permutation(values.rows(), rnd);
            Map<String, Double> e;
            try {
                e = plain.estimate(part(layer, "shuffle " + (s + 1)), values, probe.selectRows(perm)).values();
            } catch (IllegalArgumentException ex) {
                return;
            }
            e.forEach((k, x) -> got.computeIfAbsent(k, z -> new ArrayList<>()).add(x));
        }
        for (Output o : inner.outputs()) {
            List<Double> e = got.get(o.name());
            boolean information = o.quantity() == Quantity.I_XT || o.quantity() == Quantity.I_TY || o.display().startsWith("I(");
            if (information && e != null && e.size() == settings.shuffles()) {
                mean.put(o.name(), e.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
                max.put(o.name(), e.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
            }
        }
    }

    /** The ceilings a value sits at: a sample of N rows holds at most log2 N bits; I(T;Y) at most H(Y); a bound its own. */
    private static List<String> ceilings(double value, Unit unit, Quantity quantity, int rows, double labelEntropy,
                                         Map<String, Object> details) {
        List<String> out = new ArrayList<>();
        if (unit != Unit.BITS && unit != Unit.NATS) {
            return out;
        }
        double bits = unit == Unit.NATS ? value / Math.log(2) : value;
        double log2n = Math.log(rows) / Math.log(2);
        if (bits >= log2n - CEILING_BITS) {
            out.add(String.format(java.util.Locale.ROOT, "log2 N = %.4f bits (every row apart)", log2n));
        }
        if (quantity == Quantity.I_TY && labelEntropy > 0 && bits >= labelEntropy - CEILING_BITS) {
            out.add(String.format(java.util.Locale.ROOT, "H(Y) = %.4f bits (the labels hold no more)", labelEntropy));
        }
        if (details.get("ceilingNats") instanceof Number c && bits * Math.log(2) >= c.doubleValue() - CEILING_NATS) {
            out.add(String.format(java.util.Locale.ROOT, "the bound's ceiling %.4f nats (ln of the batch rows)", c.doubleValue()));
        }
        return out;
    }

    /** H(Y) of the probe's labels, bits; 0 for a probe without labels. */
    private static double labelEntropyBits(Probe probe) {
        if (probe.labels() == null) {
            return 0;
        }
        Map<Integer, Integer> counts = new java.util.HashMap<>();
        for (int y : probe.labels()) {
            counts.merge(y, 1, Integer::sum);
        }
        double n = probe.labels().length;
        double h = 0;
        for (int c : counts.values()) {
            h -= c / n * Math.log(c / n);
        }
        return h / Math.log(2);
    }

    private Map<String, Double> estimateOn(LayerId layer, Activations values, Probe probe, int[] rows) {
        try {
            return plain.estimate(layer, values.selectRows(rows), probe.selectRows(rows)).values();
        } catch (IllegalArgumentException e) {
            return Map.of(); // too few rows for this estimator: this subset size drops out
        }
    }

    @Override
    public String toString() {
        return "WithReliabilityVerdict" + parameters();
    }
}
