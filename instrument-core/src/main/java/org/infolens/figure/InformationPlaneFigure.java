package org.infolens.figure;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.infolens.run.RecordedRun;
import org.jfree.chart.JFreeChart;

/**
 * A run's information planes, a panel per estimator that gives both I(X;T) and I(T;Y) (in the run's
 * measure order), on one epoch colour bar.
 */
public final class InformationPlaneFigure {

    public static final String NAME = "information-plane";
    static final int PANEL_WIDTH = 640;
    static final int PANEL_HEIGHT = 560;
    static final int COLUMNS = 2; // three would shrink the fonts below reading size on a laptop screen

    private InformationPlaneFigure() {
    }

    /** The planes of the run, in its measure order; empty when no measure estimates both informations. */
    public static List<InformationPlaneData> data(RecordedRun run) {
        List<String> planeLabels = InformationPlaneData.labels(run.records());
        return run.labels().stream().filter(planeLabels::contains).map(l -> InformationPlaneData.of(run.records(), l)).toList();
    }

    /** The figure; throws when no measure of the run estimates both I(X;T) and I(T;Y). */
    public static PanelFigure of(RecordedRun run) {
        List<InformationPlaneData> planes = data(run);
        if (planes.isEmpty()) {
            throw new IllegalArgumentException("run " + run.name() + " has no estimates of I(X;T) and I(T;Y) to draw");
        }
        EpochColourScale colours = colours(planes);
        List<JFreeChart> panels = new ArrayList<>();
        for (InformationPlaneData d : planes) {
            panels.add(InformationPlanePanel.chart(d, d.label(), note(d), colours, d.ixtRange(), d.ityRange()));
        }
        List<String> notes = new ArrayList<>();
        bandNote(run, planes.stream().anyMatch(InformationPlaneData::hasBands), "markers", "boxes").ifPresent(notes::add);
        if (planes.stream().anyMatch(InformationPlaneData::hasOutside) && run.setting("aggregate").isEmpty()) {
            notes.add("dashed boxes exclude their marker: the value is the plug-in estimate, the interval (subsampling) is centred on "
                    + "the bias-corrected one; each record says why (details.outsideInterval)");
        }
        return new PanelFigure(NAME, "Information plane \u2014 " + run.name(), notes, panels, COLUMNS, PANEL_WIDTH, PANEL_HEIGHT,
                InformationPlanePanel.colourBar(colours), null);
    }

    /** One colour scale over every plane's epochs. */
    static EpochColourScale colours(List<InformationPlaneData> planes) {
        int first = planes.stream().mapToInt(InformationPlaneData::firstEpoch).min().orElseThrow();
        int last = planes.stream().mapToInt(InformationPlaneData::lastEpoch).max().orElseThrow();
        return new EpochColourScale(first, last);
    }

    /** "edges=fixed-range, bins=30, ...   N = 4096": what produced a panel's points. */
    static String note(InformationPlaneData d) {
        StringBuilder b = new StringBuilder();
        d.params().forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append('=')
                .append(v instanceof Double x && Double.isFinite(x) // hi=5.665, not 17 digits
                        ? new BigDecimal(x).round(new MathContext(4)).stripTrailingZeros().toPlainString() : v));
        return b + "   N = " + d.n() + (d.points().stream().anyMatch(InformationPlaneData.Point::unreliable)
                ? "   hollow: unreliable (verdict)" : "");
    }

    /**
     * What the bands are, when a figure draws any: the seeds' spread for a median run, else the
     * records' intervals. {@code marks} and {@code spans} name what the figure draws ("markers",
     * "boxes"; "lines", "bands").
     */
    static Optional<String> bandNote(RecordedRun run, boolean drawn, String marks, String spans) {
        if (!drawn) {
            return Optional.empty();
        }
        if (run.setting("aggregate").isPresent()) {
            return Optional.of(String.format(Locale.ROOT, "%s: %s over seeds %s; %s: their min .. max", marks,
                    run.setting("aggregate").get(), run.setting("seeds").orElse("?"), spans));
        }
        return Optional.of(marks + ": the plug-in estimates on all N rows; " + spans + ": the records' confidence intervals, for the quantity");
    }
}
