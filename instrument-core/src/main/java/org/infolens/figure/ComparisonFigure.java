package org.infolens.figure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.infolens.run.RecordedRun;
import org.jfree.chart.JFreeChart;
import org.jfree.data.Range;

/**
 * Several runs' information planes side by side: a column per run, a row per estimator, one epoch
 * colour bar, and the same axes along a row so that the runs compare at a glance (tanh against ReLU,
 * with and without L2).
 */
public final class ComparisonFigure {

    public static final String NAME = "comparison";

    private ComparisonFigure() {
    }

    /**
     * The rows: each given label, or by default the runs' own first estimators (one row, which may
     * differ between runs: tanh and ReLU were measured with different binnings), then every other
     * estimator all runs share.
     *
     * @return per row, the label of each run's panel
     */
    static List<List<String>> rows(List<RecordedRun> runs, List<String> labels) {
        List<List<String>> perRun = runs.stream().map(r -> InformationPlaneFigure.data(r).stream().map(InformationPlaneData::label).toList())
                .toList();
        for (int i = 0; i < runs.size(); i++) {
            if (perRun.get(i).isEmpty()) {
                throw new IllegalArgumentException("run " + runs.get(i).name() + " has no estimates of I(X;T) and I(T;Y) to compare");
            }
        }
        List<List<String>> rows = new ArrayList<>();
        if (!labels.isEmpty()) {
            for (String label : labels) {
                for (int i = 0; i < runs.size(); i++) {
                    if (!perRun.get(i).contains(label)) {
                        throw new IllegalArgumentException("run " + runs.get(i).name() + " has no plane for '" + label + "'; it has "
                                + perRun.get(i));
                    }
                }
                rows.add(runs.stream().map(r -> label).toList());
            }
            return rows;
        }
        List<String> firsts = perRun.stream().map(l -> l.get(0)).toList();
        rows.add(firsts);
        Set<String> shared = new LinkedHashSet<>(perRun.get(0));
        perRun.forEach(shared::retainAll);
        boolean firstsEqual = firsts.stream().distinct().count() == 1;
        for (String label : shared) {
            if (!(firstsEqual && label.equals(firsts.get(0)))) {
                rows.add(runs.stream().map(r -> label).toList());
            }
        }
        return rows;
    }

    /** The figure of {@code runs} (two or more) for {@code labels} (empty: the default rows). */
    public static PanelFigure of(List<RecordedRun> runs, List<String> labels) {
        if (runs.size() < 2) {
            throw new IllegalArgumentException("compare needs two runs or more, got " + runs.size());
        }
        List<List<String>> rows = rows(runs, labels);
        List<List<InformationPlaneData>> data = new ArrayList<>();
        List<InformationPlaneData> all = new ArrayList<>();
        for (List<String> row : rows) {
            List<InformationPlaneData> d = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                d.add(InformationPlaneData.of(runs.get(i).records(), row.get(i)));
            }
            data.add(d);
            all.addAll(d);
        }
        EpochColourScale colours = InformationPlaneFigure.colours(all);
        List<JFreeChart> panels = new ArrayList<>();
        for (List<InformationPlaneData> row : data) {
            Range x = row.stream().map(InformationPlaneData::ixtRange).reduce(Range::combine).orElseThrow();
            Range y = row.stream().map(InformationPlaneData::ityRange).reduce(Range::combine).orElseThrow();
            for (int i = 0; i < runs.size(); i++) {
                InformationPlaneData d = row.get(i);
                panels.add(InformationPlanePanel.chart(d, runs.get(i).name(), d.label() + "   " + InformationPlaneFigure.note(d), colours,
                        x, y));
            }
        }
        String title = "Information planes \u2014 " + String.join(" vs ", runs.stream().map(RecordedRun::name).toList());
        return new PanelFigure(NAME, title, List.of(), panels, runs.size(), InformationPlaneFigure.PANEL_WIDTH,
                InformationPlaneFigure.PANEL_HEIGHT, InformationPlanePanel.colourBar(colours), null);
    }
}
