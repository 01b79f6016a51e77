package org.infolens.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.infolens.run.RecordedRun;
import org.infolens.run.SyntheticRun;
import org.infolens.trajectory.TrainingRecord;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpochCurvesTest {

    @TempDir
    Path dir;

    @Test
    void aSeriesPerLayerWithTheRecordedValuesByEpoch() {
        EpochCurves c = EpochCurves.of(SyntheticRun.records(), SyntheticRun.BINNING, "I_XT");
        assertEquals(4, c.series().size());
        for (EpochCurves.Series s : c.series()) {
            assertEquals(SyntheticRun.EPOCHS.length, s.points().size());
            for (int i = 0; i < SyntheticRun.EPOCHS.length; i++) {
                EpochCurves.Point p = s.points().get(i);
                assertEquals(SyntheticRun.EPOCHS[i], p.epoch());
                assertEquals(SyntheticRun.ixt(p.epoch(), s.layer().index()), p.value(), 0);
                assertEquals(p.value(), p.low(), 0, "no interval, no band");
            }
        }
        EpochCurves kde = EpochCurves.of(SyntheticRun.records(), SyntheticRun.KDE, "I_TY");
        EpochCurves.Point p = kde.series().get(0).points().get(0);
        assertEquals(p.value() - 0.05, p.low(), 1e-12);
        assertEquals(p.value() + 0.05, p.high(), 1e-12);
        assertEquals(java.util.Set.of("H_T", "I_XT", "I_TY"), java.util.Set.copyOf(EpochCurves.valueNames(SyntheticRun.records(), SyntheticRun.BINNING)));
        assertThrows(IllegalArgumentException.class, () -> EpochCurves.of(SyntheticRun.records(), SyntheticRun.DSE, "I_XT"));
    }

    @Test
    void trainingCurvesLeaveOutTheLossBeforeTraining() {
        EpochCurves loss = EpochCurves.of(SyntheticRun.records(), TrainingRecord.MEASURE, TrainingRecord.LOSS);
        assertEquals(List.of(1, 3, 10, 30, 100), loss.series().get(0).points().stream().map(EpochCurves.Point::epoch).toList());
        assertEquals(0.25, loss.series().get(0).points().get(0).value());
    }

    @Test
    void learningTakesDsmiAndEffectiveFeaturesButNotOtherMeasures() throws IOException {
        List<org.infolens.trajectory.TrajectoryRecord> records = new java.util.ArrayList<>(SyntheticRun.records());
        for (int epoch : SyntheticRun.EPOCHS) {
            records.add(SyntheticRun.record("synthetic", epoch, SyntheticRun.layer(1), "effective-features", "effective-features/x4",
                    org.infolens.trajectory.RecordStatus.OK, SyntheticRun.values("F", 4.0 + epoch / 50.0, "ratio", 0.66), java.util.Map.of(),
                    java.util.Map.of(), null));
            records.add(SyntheticRun.record("synthetic", epoch, SyntheticRun.layer(2), "dsmi", "dsmi/labels",
                    org.infolens.trajectory.RecordStatus.OK, SyntheticRun.values("DSMI_TY", 0.5), java.util.Map.of(), java.util.Map.of(), null));
        }
        RecordedRun run = SyntheticRun.write(dir.resolve("representation"), records, List.of(SyntheticRun.BINNING, SyntheticRun.DSE), java.util.Map.of());
        assertEquals(List.of(TrainingRecord.LOSS, TrainingRecord.PROBE_ACCURACY, "DSE", "F", "ratio", "DSMI_TY"),
                LearningFigure.data(run).stream().map(EpochCurves::value).toList());
        assertEquals("Learning and representation \u2014 representation", LearningFigure.of(run).title());
    }

    @Test
    void epochAxisKeepsEpochZeroAndLabelsTicksInEpochs() {
        assertTrue(EpochAxis.coordinate(0) < EpochAxis.coordinate(1));
        assertEquals(2.0, EpochAxis.coordinate(100), 1e-12);
        EpochAxis axis = new EpochAxis();
        axis.setRange(EpochAxis.coordinate(0), EpochAxis.coordinate(1000));
        BufferedImage img = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        List<?> ticks = axis.refreshTicks(img.createGraphics(), null, new java.awt.Rectangle(0, 0, 500, 300), RectangleEdge.BOTTOM);
        assertEquals(List.of("0", "1", "10", "100", "1000"), ticks.stream().map(t -> ((NumberTick) t).getText()).toList());
        axis.setRange(EpochAxis.coordinate(0), EpochAxis.coordinate(3));
        ticks = axis.refreshTicks(img.createGraphics(), null, new java.awt.Rectangle(0, 0, 500, 300), RectangleEdge.BOTTOM);
        assertEquals(List.of("0", "1", "2", "3"), ticks.stream().map(t -> ((NumberTick) t).getText()).toList(), "a short run: every epoch");
    }

    @Test
    void figuresOfTheRunTakeEveryMeasureAndTheTrainingCurves() throws IOException {
        RecordedRun run = SyntheticRun.write(dir.resolve("run"));
        List<EpochCurves> measures = MeasureCurvesFigure.data(run);
        assertEquals(List.of("I_XT", "I_TY", "I_XT", "I_TY", "DSE"), measures.stream().map(EpochCurves::value).toList(),
                "binning's H(T) is its I(X;T) (distinct inputs) and drawn once; no training");
        assertEquals(SyntheticRun.BINNING, measures.get(0).label());
        assertTrue(MeasureCurvesFigure.of(run).notes().get(0).contains("H(T) = I(X;T)"));
        List<EpochCurves> learning = LearningFigure.data(run);
        assertEquals(List.of(TrainingRecord.LOSS, TrainingRecord.PROBE_ACCURACY, "DSE"), learning.stream().map(EpochCurves::value).toList());
        assertEquals(List.of("information-plane", "measures-vs-epoch", "learning"), RunFigures.of(run).stream().map(PanelFigure::name).toList());
        // the loss falls over three decades: a log axis; accuracy a plain one
        XYPlot lossPlot = LearningFigure.of(run).panels().get(0).getXYPlot();
        assertTrue(lossPlot.getRangeAxis() instanceof LogAxis);
        assertTrue(LearningFigure.of(run).panels().get(1).getXYPlot().getRangeAxis() instanceof NumberAxis);
        assertEquals(1, lossPlot.getDataset().getSeriesCount(), "the training record's one series");
    }
}
