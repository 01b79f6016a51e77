package org.infolens.figure;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.infolens.run.RecordedRun;
import org.infolens.trajectory.TrainingRecord;

/**
 * How the representation changes while the network learns: the training loss and the probe accuracy
 * (the listener's training records) beside the panels of the representation measures when the run has
 * them: diffusion spectral entropy, diffusion spectral mutual information, effective features.
 */
public final class LearningFigure {

    public static final String NAME = "learning";
    /** The measure names whose panels go beside the training curves. */
    static final Set<String> REPRESENTATION_MEASURES = Set.of("dse", "dsmi", "effective-features");

    private LearningFigure() {
    }

    /** The panels' data: loss, accuracy, then each representation measure's values; empty when the run has none of them. */
    public static List<EpochCurves> data(RecordedRun run) {
        List<EpochCurves> curves = new ArrayList<>();
        if (!run.trainingRecords().isEmpty()) {
            for (String value : List.of(TrainingRecord.LOSS, TrainingRecord.PROBE_ACCURACY)) {
                if (run.trainingRecords().stream().anyMatch(r -> Double.isFinite(r.value(value)))) {
                    curves.add(EpochCurves.of(run.trainingRecords(), TrainingRecord.MEASURE, value));
                }
            }
        }
        for (String label : run.labels()) {
            List<org.infolens.trajectory.TrajectoryRecord> ok = run.okRecords(label);
            if (!ok.isEmpty() && REPRESENTATION_MEASURES.contains(ok.get(0).measure())) {
                EpochCurves.valueNames(ok, label).forEach(v -> curves.add(EpochCurves.of(ok, label, v)));
            }
        }
        return curves;
    }

    /** The figure; throws when the run has neither training records nor representation measures. */
    public static PanelFigure of(RecordedRun run) {
        List<EpochCurves> data = data(run);
        if (data.isEmpty()) {
            throw new IllegalArgumentException("run " + run.name() + " has no training records and no DSE, DSMI or effective features");
        }
        boolean representation = data.stream().anyMatch(c -> !c.label().equals(TrainingRecord.MEASURE));
        return MeasureCurvesFigure.figure(NAME, (representation ? "Learning and representation \u2014 " : "Learning \u2014 ") + run.name(),
                List.of(), data, MeasureCurvesFigure.layers(run.records()));
    }
}
