package org.infolens.figure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.infolens.data.LayerId;
import org.infolens.measure.Quantity;
import org.infolens.run.RecordedRun;
import org.infolens.trajectory.TrainingRecord;
import org.infolens.trajectory.TrajectoryRecord;
import org.infolens.trajectory.ValueNames;
import org.jfree.chart.JFreeChart;
import org.jfree.data.Range;

/** Every value of every measure of a run against epoch (log scale), a panel each, a line per layer, one layer legend. */
public final class MeasureCurvesFigure {

    public static final String NAME = "measures-vs-epoch";
    static final int PANEL_WIDTH = 560;
    static final int PANEL_HEIGHT = 400;
    static final int COLUMNS = 3;
    private MeasureCurvesFigure() {
    }

    /** The panels' data: each measure label in the run's order (training records excluded), each of its values. */
    public static List<EpochCurves> data(RecordedRun run) {
        List<EpochCurves> curves = new ArrayList<>();
        for (String label : run.labels()) {
            if (run.okRecords(label).isEmpty() || run.okRecords(label).get(0).measure().equals(TrainingRecord.MEASURE)) {
                continue;
            }
            for (String value : EpochCurves.valueNames(run.records(), label)) {
                if (!(entropyIsInformation(run, label) && ValueNames.valueOf(measureOf(run, label), Quantity.H_T).orElseThrow().equals(value))) {
                    curves.add(EpochCurves.of(run.records(), label, value));
                }
            }
        }
        return curves;
    }

    /**
     * Whether H(T) equals I(X;T) in every record of a label: with every probe input distinct, H(T|X) = 0
     * and the two panels would be the same, so H(T) is left out (and the figure says so).
     */
    static boolean entropyIsInformation(RecordedRun run, String label) {
        List<TrajectoryRecord> ok = run.okRecords(label);
        if (ok.isEmpty()) {
            return false;
        }
        Optional<String> h = ValueNames.valueOf(ok.get(0).measure(), Quantity.H_T);
        Optional<String> ixt = ValueNames.valueOf(ok.get(0).measure(), Quantity.I_XT);
        return h.isPresent() && ixt.isPresent()
                && ok.stream().allMatch(r -> r.values().containsKey(h.get()) && r.value(h.get()) == r.value(ixt.get()));
    }

    private static String measureOf(RecordedRun run, String label) {
        return run.okRecords(label).get(0).measure();
    }

    /** The figure; throws when the run has no ok estimate. */
    public static PanelFigure of(RecordedRun run) {
        List<EpochCurves> data = data(run);
        if (data.isEmpty()) {
            throw new IllegalArgumentException("run " + run.name() + " has no estimates to draw against epoch");
        }
        List<String> notes = new ArrayList<>();
        List<String> merged = run.labels().stream().filter(l -> entropyIsInformation(run, l)).toList();
        if (!merged.isEmpty()) {
            notes.add("H(T) = I(X;T) in every estimate of " + String.join(", ", merged) + " (every probe input distinct): drawn once, as I(X;T)");
        }
        InformationPlaneFigure.bandNote(run, data.stream().anyMatch(EpochCurves::hasBands), "lines", "bands").ifPresent(notes::add);
        return figure(NAME, "Measures against epoch \u2014 " + run.name(), notes, data, layers(run.records()));
    }

    /**
     * Panels of curves on one epoch range; a row per label when every label has the same number of
     * values (up to four), else three to a row. The legend names the layers the panels draw.
     */
    static PanelFigure figure(String name, String title, List<String> notes, List<EpochCurves> data, List<LayerId> layers) {
        List<JFreeChart> panels = new ArrayList<>();
        Range epochs = EpochCurvesPanel.epochRange(data);
        for (EpochCurves c : data) {
            String panelTitle = c.label().equals(TrainingRecord.MEASURE) ? c.display() : c.label() + ": " + c.display();
            panels.add(EpochCurvesPanel.chart(c, panelTitle, layers, epochs));
        }
        List<Long> perLabel = data.stream().collect(Collectors.groupingBy(EpochCurves::label, LinkedHashMap::new, Collectors.counting()))
                .values().stream().distinct().toList();
        int columns = perLabel.size() == 1 && perLabel.get(0) <= 4 ? perLabel.get(0).intValue() : COLUMNS;
        List<LayerId> drawn = layers.stream().filter(l -> data.stream().anyMatch(c -> !c.label().equals(TrainingRecord.MEASURE)
                && c.series().stream().anyMatch(s -> s.layer().equals(l)))).toList();
        return new PanelFigure(name, title, notes, panels, columns, PANEL_WIDTH, PANEL_HEIGHT, null,
                drawn.isEmpty() ? null : EpochCurvesPanel.layerLegend(drawn, layers));
    }

    /** The run's layers by index: their positions choose the colours. */
    static List<LayerId> layers(List<TrajectoryRecord> records) {
        return records.stream().map(TrajectoryRecord::layer).distinct().sorted(Comparator.comparingInt(LayerId::index)).toList();
    }
}
