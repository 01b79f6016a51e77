package org.infolens.figure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.infolens.data.LayerId;
import org.infolens.measure.Interval;
import org.infolens.measure.Quantity;
import org.infolens.trajectory.TrajectoryRecord;
import org.infolens.trajectory.ValueNames;
import org.jfree.data.Range;

/**
 * What one information-plane panel draws: the (I(X;T), I(T;Y)) point of every layer at every
 * recorded epoch for one measure label, with their intervals when the records carry them (a
 * multi-seed median's min..max, or confidence intervals), and the ceilings log2 N and H(Y), and a
 * variational bound's own (InfoNCE's ln b) where the records carry one.
 *
 * @param label        the measure label
 * @param params       the parameters of its first record
 * @param n            probe rows
 * @param log2N        the ceiling of I(X;T)
 * @param labelEntropy H(Y), the ceiling of I(T;Y), or NaN when the records do not say
 * @param points       by epoch, then layer index
 * @param boundCeiling the most the measure's bound can give, in bits ({@code details.ceilingNats}), or NaN
 */
public record InformationPlaneData(String label, Map<String, Object> params, int n, double log2N, double labelEntropy,
                                   List<Point> points, double boundCeiling) {

    /** A plane whose measure has no bound ceiling. */
    public InformationPlaneData(String label, Map<String, Object> params, int n, double log2N, double labelEntropy, List<Point> points) {
        this(label, params, n, log2N, labelEntropy, points, Double.NaN);
    }

    /**
     * One layer at one epoch.
     *
     * @param ixtBand interval of I(X;T), or null
     * @param ityBand interval of I(T;Y), or null
     * @param outside whether an interval excludes its value (the record says why: details.outsideInterval)
     * @param unreliable whether the record's reliability verdict calls either value unreliable (drawn hollow)
     */
    public record Point(int epoch, LayerId layer, double ixt, double ity, Interval ixtBand, Interval ityBand, boolean outside,
                        boolean unreliable) {

        public boolean hasBand() {
            return ixtBand != null || ityBand != null;
        }

        // The box is the interval as recorded (for the quantity, around the bias-corrected value), not
        // stretched to reach the plug-in value: a marker outside its box is drawn as such, and flagged.
        double ixtLow() {
            return ixtBand == null ? ixt : ixtBand.low();
        }

        double ixtHigh() {
            return ixtBand == null ? ixt : ixtBand.high();
        }

        double ityLow() {
            return ityBand == null ? ity : ityBand.low();
        }

        double ityHigh() {
            return ityBand == null ? ity : ityBand.high();
        }
    }

    /** Whether any point's interval excludes its value. */
    public boolean hasOutside() {
        return points.stream().anyMatch(Point::outside);
    }

    /** Whether the record says that the interval of value {@code name} excludes it. */
    static boolean outside(TrajectoryRecord r, String... names) {
        if (r.details().get("outsideInterval") instanceof Map<?, ?> why) {
            for (String n : names) {
                if (why.get(n) != null) {
                    return true;
                }
            }
        }
        return false;
    }

    public InformationPlaneData {
        Objects.requireNonNull(label, "label");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params)); // the record's order, for notes that read the same every time
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no estimates of I(X;T) and I(T;Y) with label '" + label + "' to draw");
        }
    }

    /** Whether a record can be drawn on the plane: its measure declares I(X;T) and I(T;Y), and it has both. */
    public static boolean onPlane(TrajectoryRecord r) {
        return r.isOk() && planeValues(r.measure()).map(v -> Double.isFinite(r.value(v[0])) && Double.isFinite(r.value(v[1])))
                .orElse(false);
    }

    /** The names of the values {@code measure} declares as I(X;T) and I(T;Y), when it declares both. */
    static Optional<String[]> planeValues(String measure) {
        Optional<String> ixt = ValueNames.valueOf(measure, Quantity.I_XT);
        Optional<String> ity = ValueNames.valueOf(measure, Quantity.I_TY);
        return ixt.isPresent() && ity.isPresent() ? Optional.of(new String[] {ixt.get(), ity.get()}) : Optional.empty();
    }

    /** The labels among {@code records} that can be drawn on the plane, in order of first appearance. */
    public static List<String> labels(List<TrajectoryRecord> records) {
        Set<String> labels = new LinkedHashSet<>();
        records.stream().filter(InformationPlaneData::onPlane).forEach(r -> labels.add(r.label()));
        return List.copyOf(labels);
    }

    /** The plane of label {@code label}; throws when none of its records can be drawn. */
    public static InformationPlaneData of(List<TrajectoryRecord> records, String label) {
        List<TrajectoryRecord> drawn = records.stream()
                .filter(r -> r.label().equals(label) && onPlane(r))
                .sorted(Comparator.comparingInt(TrajectoryRecord::epoch).thenComparingInt(r -> r.layer().index()))
                .toList();
        List<Point> points = new ArrayList<>();
        for (TrajectoryRecord r : drawn) {
            String[] v = planeValues(r.measure()).orElseThrow();
            boolean unreliable = r.details().get("unreliable") instanceof List<?> u && (u.contains(v[0]) || u.contains(v[1]));
            points.add(new Point(r.epoch(), r.layer(), r.value(v[0]), r.value(v[1]), r.intervals().get(v[0]), r.intervals().get(v[1]),
                    outside(r, v), unreliable));
        }
        if (drawn.isEmpty()) {
            return new InformationPlaneData(label, Map.of(), 0, Double.NaN, Double.NaN, points); // throws, naming the label
        }
        TrajectoryRecord first = drawn.get(0);
        double log2N = number(first.details().get("log2N"), Math.log(first.n()) / Math.log(2));
        double hY = drawn.stream().mapToDouble(r -> number(r.details().get("H_Y"), Double.NaN)).filter(Double::isFinite).findFirst()
                .orElse(Double.NaN);
        Map<String, Object> params = new LinkedHashMap<>(first.params()); // as they were used: with what was resolved
        params.putAll(first.resolved());
        double bound = drawn.stream().mapToDouble(r -> number(r.details().get("ceilingNats"), Double.NaN) / Math.log(2))
                .filter(Double::isFinite).max().orElse(Double.NaN);
        return new InformationPlaneData(label, params, first.n(), log2N, hY, points, bound);
    }

    private static double number(Object o, double otherwise) {
        return o instanceof Number v ? v.doubleValue() : otherwise;
    }

    /**
     * The lines of one epoch: its layers in order when the network is a chain; in a branching graph
     * (layers that name the vertices they read, {@link LayerId#from()}) one segment per edge between
     * recorded layers, so that the line follows each input-to-output path and never joins parallel branches.
     */
    public static List<List<Point>> paths(List<Point> epoch) {
        if (epoch.stream().allMatch(p -> p.layer().from().isEmpty())) {
            return List.of(epoch);
        }
        Map<String, Point> byName = new java.util.HashMap<>();
        epoch.forEach(p -> byName.put(p.layer().name(), p));
        List<List<Point>> edges = new ArrayList<>();
        for (Point p : epoch) {
            for (String in : p.layer().from()) {
                Point q = byName.get(in);
                if (q != null) {
                    edges.add(List.of(q, p));
                }
            }
        }
        return edges;
    }

    /** The layers, by index. */
    public List<LayerId> layers() {
        return points.stream().map(Point::layer).distinct().sorted(Comparator.comparingInt(LayerId::index)).toList();
    }

    public int firstEpoch() {
        return points.stream().mapToInt(Point::epoch).min().orElseThrow();
    }

    public int lastEpoch() {
        return points.stream().mapToInt(Point::epoch).max().orElseThrow();
    }

    public boolean hasBands() {
        return points.stream().anyMatch(Point::hasBand);
    }

    /** The points of the last epoch, by layer. */
    public List<Point> last() {
        int last = lastEpoch();
        return points.stream().filter(p -> p.epoch() == last).toList();
    }

    /** From 0 (or a negative estimate) up to the largest I(X;T), band or ceiling log2 N. */
    public Range ixtRange() {
        return range(points.stream().mapToDouble(Point::ixtLow).min().orElseThrow(),
                points.stream().mapToDouble(Point::ixtHigh).max().orElseThrow(), log2N);
    }

    /** From 0 (or a negative estimate) up to the largest I(T;Y), band or ceiling H(Y). */
    public Range ityRange() {
        return range(points.stream().mapToDouble(Point::ityLow).min().orElseThrow(),
                points.stream().mapToDouble(Point::ityHigh).max().orElseThrow(), labelEntropy);
    }

    private static Range range(double min, double max, double ceiling) {
        double lower = Math.min(0, min);
        double upper = Math.max(max, Double.isFinite(ceiling) ? ceiling : max);
        return new Range(lower, Math.max(upper, lower + 1e-6));
    }
}
