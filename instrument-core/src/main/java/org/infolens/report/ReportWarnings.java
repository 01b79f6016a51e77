package org.infolens.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.infolens.measure.Quantity;
import org.infolens.run.RecordedRun;
import org.infolens.run.RunStatus;
import org.infolens.trajectory.RecordStatus;
import org.infolens.trajectory.TrajectoryRecord;
import org.infolens.trajectory.ValueNames;

/**
 * What a reader of a run's figures should know before trusting them: the run is still going or
 * failed, the reader left a cut-off line out, I(X;T) sits at its log2 N ceiling (every probe input
 * in its own bin: compression cannot show there), k-NN estimates came out negative, epochs were
 * skipped, estimates failed.
 */
public final class ReportWarnings {

    /** I(X;T) within this many bits of log2 N counts as at the ceiling. */
    public static final double CEILING_TOLERANCE_BITS = 0.01;
    private static final int LISTED = 8; // epochs or messages named in one warning

    /**
     * One warning.
     *
     * @param kind "run", "reader", "ceiling", "negative", "unreliable", "skipped" or "error"
     * @param text one paragraph, plain text
     */
    public record Warning(String kind, String text) {
    }

    private ReportWarnings() {
    }

    public static List<Warning> of(RecordedRun run) {
        List<Warning> w = new ArrayList<>();
        if (run.provenance() != null && run.provenance().status() != RunStatus.FINISHED) {
            w.add(new Warning("run", "the run is " + run.provenance().statusText() + ": the report shows the epochs recorded so far."));
        }
        run.warnings().forEach(text -> w.add(new Warning("reader", text)));
        for (String label : run.labels()) {
            ceiling(label, run.okRecords(label)).ifPresent(w::add);
        }
        negative(run.records()).ifPresent(w::add);
        unreliable(run.records()).ifPresent(w::add);
        skipped(run.records()).ifPresent(w::add);
        errors(run.records()).ifPresent(w::add);
        return w;
    }

    /** log2 N of a record: what it says (binning), else log2 of its probe rows. */
    static double ceilingBits(TrajectoryRecord r) {
        Object v = r.details().get("log2N");
        return v instanceof Number n ? n.doubleValue() : Math.log(r.n()) / Math.log(2);
    }

    /** The record's estimate of I(X;T), as its measure declares it; NaN when it has none. */
    static double ixt(TrajectoryRecord r) {
        return ValueNames.valueOf(r.measure(), Quantity.I_XT).map(r::value).orElse(Double.NaN);
    }

    static boolean atCeiling(TrajectoryRecord r) {
        double ixt = ixt(r);
        return Double.isFinite(ixt) && r.n() > 0 && ixt >= ceilingBits(r) - CEILING_TOLERANCE_BITS;
    }

    private static Optional<Warning> ceiling(String label, List<TrajectoryRecord> ok) {
        List<TrajectoryRecord> withIxt = ok.stream().filter(r -> Double.isFinite(ixt(r))).toList();
        List<TrajectoryRecord> hits = withIxt.stream().filter(ReportWarnings::atCeiling).toList();
        if (hits.isEmpty()) {
            return Optional.empty();
        }
        int lastEpoch = withIxt.stream().mapToInt(TrajectoryRecord::epoch).max().orElseThrow();
        List<String> atEnd = hits.stream().filter(r -> r.epoch() == lastEpoch).map(r -> r.layer().name()).distinct().toList();
        String text = String.format(Locale.ROOT, "%s: I(X;T) is at its log2 N ceiling (%.2f bits, within %.2f) in %d of %d estimates",
                label, ceilingBits(hits.get(0)), CEILING_TOLERANCE_BITS, hits.size(), withIxt.size());
        text += atEnd.isEmpty() ? ", none at the last epoch (" + lastEpoch + ")."
                : "; at the last epoch (" + lastEpoch + ") in " + String.join(", ", atEnd) + ".";
        text += hits.get(0).measure().equals("binning")
                ? " There every probe input falls in a pattern of bins of its own: the estimate cannot show compression, and says"
                        + " more about the bins than about the layer."
                : " There the estimate cannot grow any more: it cannot show compression, only its absence.";
        return Optional.of(new Warning("ceiling", text));
    }

    private static Optional<Warning> negative(List<TrajectoryRecord> records) {
        List<TrajectoryRecord> negative = records.stream().filter(r -> r.isOk() && Boolean.TRUE.equals(r.details().get("negative"))).toList();
        if (negative.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Long> byLabel = negative.stream().collect(Collectors.groupingBy(TrajectoryRecord::label, LinkedHashMap::new,
                Collectors.counting()));
        Set<String> layers = negative.stream().map(r -> r.layer().name()).collect(Collectors.toCollection(LinkedHashSet::new));
        return Optional.of(new Warning("negative", negative.size() + " negative k-NN estimates (" + describe(byLabel) + "; layers "
                + String.join(", ", layers) + "; epochs " + epochs(negative) + "), reported as estimated: k-NN estimators are"
                + " unbiased only asymptotically and fall below 0 where the true information is small."));
    }

    /** Values whose reliability verdict (details.unreliable) says not to trust them, with the first reasons. */
    private static Optional<Warning> unreliable(List<TrajectoryRecord> records) {
        List<TrajectoryRecord> flagged = records.stream().filter(r -> r.isOk() && r.details().get("unreliable") instanceof List<?> l
                && !l.isEmpty()).toList();
        if (flagged.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Long> byLabel = flagged.stream().collect(Collectors.groupingBy(TrajectoryRecord::label, LinkedHashMap::new,
                Collectors.counting()));
        Set<String> reasons = new LinkedHashSet<>();
        for (TrajectoryRecord r : flagged) {
            if (r.details().get("verdict") instanceof Map<?, ?> verdicts) {
                for (Object v : (List<?>) r.details().get("unreliable")) {
                    if (verdicts.get(v) instanceof Map<?, ?> one && one.get("reason") != null) {
                        reasons.add(String.valueOf(one.get("reason")));
                    }
                }
            }
        }
        List<String> listed = reasons.stream().limit(LISTED / 2).toList();
        return Optional.of(new Warning("unreliable", flagged.size() + " records with values the reliability verdict calls unreliable ("
                + describe(byLabel) + "; epochs " + epochs(flagged) + "): " + String.join(" | ", listed)
                + (reasons.size() > listed.size() ? " | and " + (reasons.size() - listed.size()) + " other reasons" : "")
                + "."));
    }

    private static Optional<Warning> skipped(List<TrajectoryRecord> records) {
        List<TrajectoryRecord> skipped = records.stream().filter(r -> r.status() == RecordStatus.SKIPPED).toList();
        if (skipped.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Warning("skipped", skipped.size() + " estimates skipped at epochs " + epochs(skipped)
                + ": " + skipped.get(0).message() + ". The curves have gaps there."));
    }

    private static Optional<Warning> errors(List<TrajectoryRecord> records) {
        List<TrajectoryRecord> errors = records.stream().filter(r -> r.status() == RecordStatus.ERROR).toList();
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        List<String> messages = errors.stream().map(TrajectoryRecord::message).distinct().toList();
        StringBuilder b = new StringBuilder(errors.size() + " estimates failed (error records) at epochs " + epochs(errors) + ": ");
        b.append(String.join(" | ", messages.subList(0, Math.min(LISTED / 2, messages.size()))));
        if (messages.size() > LISTED / 2) {
            b.append(" | and ").append(messages.size() - LISTED / 2).append(" other messages");
        }
        return Optional.of(new Warning("error", b.toString()));
    }

    private static String describe(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    /** "3, 5, 8" or "3, 5, 8, ... 120 (14 epochs)". */
    private static String epochs(List<TrajectoryRecord> records) {
        TreeSet<Integer> epochs = records.stream().map(TrajectoryRecord::epoch).collect(Collectors.toCollection(TreeSet::new));
        List<String> listed = epochs.stream().limit(LISTED).map(String::valueOf).toList();
        return String.join(", ", listed) + (epochs.size() > LISTED ? ", ... " + epochs.last() + " (" + epochs.size() + " epochs)" : "");
    }
}
