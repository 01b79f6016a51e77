package org.infolens.reproduce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.statistics.descriptive.Median;
import org.infolens.experiments.toy.ToySuperposition;
import org.infolens.run.RecordedRun;
import org.infolens.trajectory.TrajectoryRecord;

/** The per-seed statistics the bundled claims use, each a {@link SeedStatistic} with its description. */
public final class RunStatistics {

    private RunStatistics() {
    }

    /**
     * Compression as the papers read it off the information plane: the curve's peak over the run minus
     * its final value (0 when it ends at its peak).
     */
    public static SeedStatistic fall(Curve curve) {
        return SeedStatistic.of("fall of " + curve.describe() + " from its peak to the last epoch, " + curve.role() + " run", seed -> {
            TreeMap<Integer, Double> s = nonEmpty(curve, seed);
            return s.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow() - s.lastEntry().getValue();
        });
    }

    /**
     * The curve's last value minus its value at the epoch where {@code peakOf} peaks: how it moved while
     * the reference curve fell from its peak (negative when it fell too).
     */
    public static SeedStatistic changeAfterPeak(Curve curve, Curve peakOf) {
        return SeedStatistic.of("change of " + curve.describe() + " from the peak of " + peakOf.describe() + " to the last epoch, "
                + curve.role() + " run", seed -> {
                    TreeMap<Integer, Double> reference = nonEmpty(peakOf, seed);
                    int peak = reference.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
                    TreeMap<Integer, Double> s = nonEmpty(curve, seed);
                    Double atPeak = s.get(peak);
                    if (atPeak == null) {
                        throw new IllegalArgumentException(seed.directory(curve.role()) + ": " + curve.describe() + " has no record at epoch " + peak);
                    }
                    return s.lastEntry().getValue() - atPeak;
                });
    }

    /** The curve's last value minus its first (epoch 0: before training). */
    public static SeedStatistic change(Curve curve) {
        return SeedStatistic.of("change of " + curve.describe() + " from the first to the last epoch, " + curve.role() + " run", seed -> {
            TreeMap<Integer, Double> s = nonEmpty(curve, seed);
            return s.lastEntry().getValue() - s.firstEntry().getValue();
        });
    }

    /**
     * The final I(T;Y) of the curve's layer as a share of H(Y) (the binning records' {@code details.H_Y}):
     * 1 when the layer keeps everything the labels hold.
     */
    public static SeedStatistic finalShareOfLabelEntropy(Curve curve) {
        return SeedStatistic.of("final " + curve.describe() + " / H(Y), " + curve.role() + " run", seed -> {
            TreeMap<Integer, Double> s = nonEmpty(curve, seed);
            RecordedRun run = seed.run(curve.role());
            double hY = run.okRecords(Curve.label(run, curve.measure())).stream()
                    .map(TrajectoryRecord::details).filter(d -> d != null && d.get("H_Y") instanceof Number)
                    .mapToDouble(d -> ((Number) d.get("H_Y")).doubleValue()).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(run.name() + ": " + curve.measure() + " records give no H_Y"));
            return s.lastEntry().getValue() / hY;
        });
    }

    /** {@code a - b} for the same seed (paired: same initialisation, different variant). */
    public static SeedStatistic difference(SeedStatistic a, SeedStatistic b) {
        return SeedStatistic.of("(" + a.description() + ") - (" + b.description() + ")", seed -> a.of(seed) - b.of(seed));
    }

    /**
     * {@code a} times the sign of {@code reference}: positive when {@code a} goes the way {@code reference}
     * goes (two estimators agreeing on the direction of the same change), its size that of {@code a}.
     */
    public static SeedStatistic agreement(SeedStatistic a, SeedStatistic reference) {
        return SeedStatistic.of("(" + a.description() + ") x sign(" + reference.description() + ")",
                seed -> a.of(seed) * Math.signum(reference.of(seed)));
    }

    /** A number the run put into run.json's summary ({@code testAccuracy}, {@code trainAccuracy}, {@code finalLoss}). */
    public static SeedStatistic result(String role, String key) {
        return SeedStatistic.of(key + " of the " + role + " run", seed -> {
            RecordedRun run = seed.run(role);
            Map<String, Object> summary = run.provenance() == null ? null : run.provenance().summary();
            Object v = summary == null ? null : summary.get(key);
            if (!(v instanceof Number n)) {
                throw new IllegalArgumentException(run.name() + ": run.json's summary has no " + key);
            }
            return n.doubleValue();
        });
    }

    /**
     * Shwartz-Ziv and Tishby's two phases read off the gradient SNR around the epoch at which I(X;T)
     * peaks (compression begins): min(log10 of the median SNR before the peak, -log10 of the median SNR
     * from the peak on). Positive when the SNR is above 1 before compression (drift) and below 1 during
     * it (diffusion), i.e. it crossed 1 no later than compression began; NaN when the peak comes before
     * the first SNR record.
     */
    public static SeedStatistic snrPhases(Curve snr, Curve information) {
        return SeedStatistic.of("min(log10 median " + snr.describe() + " before the peak of " + information.describe()
                + ", -log10 median from the peak on)", seed -> {
                    TreeMap<Integer, Double> i = nonEmpty(information, seed);
                    int peak = i.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
                    TreeMap<Integer, Double> s = nonEmpty(snr, seed);
                    double[] before = s.headMap(peak, false).values().stream().mapToDouble(Double::doubleValue).toArray();
                    double[] after = s.tailMap(peak, true).values().stream().mapToDouble(Double::doubleValue).toArray();
                    if (before.length == 0 || after.length == 0) {
                        return Double.NaN;
                    }
                    return Math.min(Math.log10(Median.withDefaults().evaluate(before)), -Math.log10(Median.withDefaults().evaluate(after)));
                });
    }

    /**
     * The largest difference, over every layer and recorded epoch, between I(X;T) binned two ways
     * ({@code measureA}, {@code measureB}) in the hidden layers: 0 when binning is exact (a quantized layer whose levels each
     * fall in a bin of their own gives the same value at any finer bin width).
     */
    public static SeedStatistic binningDisagreement(String role, String measureA, String measureB) {
        return SeedStatistic.of("max |I(X;T) " + measureA + " - I(X;T) " + measureB + "| over hidden layers and epochs, " + role + " run, bits",
                seed -> {
                    RecordedRun run = seed.run(role);
                    // hidden layers only: the output layer's softmax is not quantized (its cross-entropy needs no zero probabilities)
                    List<TrajectoryRecord> a = run.okRecords(Curve.label(run, measureA)).stream().filter(r -> !r.layer().kind().isOutput()).toList();
                    List<TrajectoryRecord> b = run.okRecords(Curve.label(run, measureB)).stream().filter(r -> !r.layer().kind().isOutput()).toList();
                    Map<String, Double> byKey = new java.util.HashMap<>();
                    a.forEach(r -> byKey.put(r.epoch() + "/" + r.layer().index(), r.value("I_XT")));
                    double worst = 0;
                    int matched = 0;
                    for (TrajectoryRecord r : b) {
                        Double other = byKey.get(r.epoch() + "/" + r.layer().index());
                        if (other != null) {
                            worst = Math.max(worst, Math.abs(other - r.value("I_XT")));
                            matched++;
                        }
                    }
                    if (matched == 0) {
                        throw new IllegalArgumentException(run.name() + ": " + measureA + " and " + measureB + " share no (epoch, layer)");
                    }
                    return worst;
                });
    }

    /**
     * Pearson's r of the toy model's effective features F / m against its superposition ||W||_F^2 / m
     * over the sparsity sweep of a {@code toy-superposition} run (its table.csv).
     */
    public static SeedStatistic toyPearson(String role) {
        return SeedStatistic.of("Pearson r of F/m against ||W||_F^2/m over the sparsity sweep, " + role + " run", seed -> {
            Path table = seed.directory(role).resolve("table.csv");
            try {
                List<String> lines = Files.readAllLines(table);
                List<String> header = List.of(lines.get(0).split(","));
                int x = header.indexOf("reference_W2_over_m");
                int y = header.indexOf("F_over_m");
                if (x < 0 || y < 0) {
                    throw new IllegalArgumentException(table + ": no reference_W2_over_m and F_over_m columns");
                }
                double[] xs = lines.stream().skip(1).filter(l -> !l.isBlank()).mapToDouble(l -> Double.parseDouble(l.split(",")[x])).toArray();
                double[] ys = lines.stream().skip(1).filter(l -> !l.isBlank()).mapToDouble(l -> Double.parseDouble(l.split(",")[y])).toArray();
                return ToySuperposition.pearson(xs, ys);
            } catch (IOException e) {
                throw new UncheckedIOException(table + ": " + e.getMessage(), e);
            }
        });
    }

    private static TreeMap<Integer, Double> nonEmpty(Curve curve, SeedRuns seed) {
        TreeMap<Integer, Double> s = curve.read(seed);
        if (s.isEmpty()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: no %s records", seed.directory(curve.role()), curve.describe()));
        }
        return s;
    }
}
