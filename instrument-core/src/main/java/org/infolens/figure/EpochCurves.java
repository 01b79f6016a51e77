package org.infolens.figure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.infolens.data.LayerId;
import org.infolens.measure.Interval;
import org.infolens.measure.Unit;
import org.infolens.trajectory.TrajectoryRecord;
import org.infolens.trajectory.ValueNames;

/**
 * What one curves panel draws: one value of one measure label against epoch, a series per layer,
 * with each point's interval when the records carry one (the band of a multi-seed median, or a
 * confidence interval).
 *
 * @param label   the measure label
 * @param value   the value's name ("I_XT", "DSE", "loss")
 * @param display its name for people, as its measure declares it ("I(X;T)")
 * @param unit    its unit, as the records give it
 * @param series  by layer index
 */
public record EpochCurves(String label, String value, String display, Unit unit, List<Series> series) {

    /** One layer's curve, by epoch. */
    public record Series(LayerId layer, List<Point> points) {
        public Series {
            points = List.copyOf(points);
        }
    }

    /**
     * One recorded epoch.
     *
     * @param low  the interval's low end, or the value when there is none
     * @param high the interval's high end, or the value
     */
    public record Point(int epoch, double value, double low, double high) {
    }

    public EpochCurves {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(display, "display");
        Objects.requireNonNull(unit, "unit");
        series = List.copyOf(series);
        if (series.isEmpty()) {
            throw new IllegalArgumentException("no ok records of '" + label + "' with a value '" + value + "' to draw");
        }
    }

    /** The value names of a label's ok records, in the order the records give them. */
    public static List<String> valueNames(List<TrajectoryRecord> records, String label) {
        Set<String> names = new LinkedHashSet<>();
        records.stream().filter(r -> r.isOk() && r.label().equals(label)).forEach(r -> names.addAll(r.values().keySet()));
        return List.copyOf(names);
    }

    /** The curves of {@code value} of {@code label}: finite values of ok records, a series per layer, by epoch. */
    public static EpochCurves of(List<TrajectoryRecord> records, String label, String value) {
        Map<LayerId, List<Point>> byLayer = new LinkedHashMap<>();
        List<TrajectoryRecord> drawn = records.stream()
                .filter(r -> r.isOk() && r.label().equals(label) && Double.isFinite(r.value(value)))
                .sorted(Comparator.comparingInt((TrajectoryRecord r) -> r.layer().index()).thenComparingInt(TrajectoryRecord::epoch))
                .toList();
        drawn.forEach(r -> {
            double v = r.value(value);
            Interval band = r.intervals().get(value);
            byLayer.computeIfAbsent(r.layer(), l -> new ArrayList<>())
                    .add(new Point(r.epoch(), v, band == null ? v : band.low(), band == null ? v : band.high())); // the interval as recorded
        });
        List<Series> series = new ArrayList<>();
        byLayer.forEach((layer, points) -> series.add(new Series(layer, points)));
        if (drawn.isEmpty()) {
            return new EpochCurves(label, value, value, Unit.NUMBER, series); // throws, naming them
        }
        TrajectoryRecord first = drawn.get(0);
        return new EpochCurves(label, value, ValueNames.display(first.measure(), value), first.units().get(value), series);
    }

    /** Whether any point has an interval to draw as a band. */
    public boolean hasBands() {
        return series.stream().flatMap(s -> s.points().stream()).anyMatch(p -> p.high() > p.low());
    }

    public double min() {
        return series.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::low).min().orElseThrow();
    }

    public double max() {
        return series.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::high).max().orElseThrow();
    }
}
