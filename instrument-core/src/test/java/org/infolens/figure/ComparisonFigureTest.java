package org.infolens.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.infolens.run.RecordedRun;
import org.infolens.run.SyntheticRun;
import org.infolens.trajectory.TrajectoryRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonFigureTest {

    @TempDir
    Path dir;

    /** The synthetic run with binning relabelled, as a ReLU run measured with other edges would be. */
    private RecordedRun relabelled(String name, String binningLabel) throws IOException {
        List<TrajectoryRecord> records = SyntheticRun.records().stream().map(r -> !r.label().equals(SyntheticRun.BINNING) ? r
                : new TrajectoryRecord(r.schema(), name, r.epoch(), r.iteration(), r.layer(), r.measure(), binningLabel, r.params(), r.resolved(),
                        r.n(), r.status(), r.values(), r.units(), r.intervals(), r.details(), r.message(), r.seconds(), r.time())).toList();
        return SyntheticRun.write(dir.resolve(name), records, List.of(binningLabel, SyntheticRun.KDE), Map.of());
    }

    @Test
    void defaultRowsAreEachRunsFirstEstimatorThenTheSharedOnes() throws IOException {
        RecordedRun tanh = relabelled("tanh", "binning/fixed-range-30");
        RecordedRun relu = relabelled("relu", "binning/global-minmax-100");
        assertEquals(List.of(List.of("binning/fixed-range-30", "binning/global-minmax-100"), List.of(SyntheticRun.KDE, SyntheticRun.KDE)),
                ComparisonFigure.rows(List.of(tanh, relu), List.of()));
        assertEquals(List.of(List.of(SyntheticRun.KDE, SyntheticRun.KDE)), ComparisonFigure.rows(List.of(tanh, relu), List.of(SyntheticRun.KDE)));
        PanelFigure f = ComparisonFigure.of(List.of(tanh, relu), List.of());
        assertEquals(4, f.panels().size());
        assertEquals(2, f.columns());
        // a row shares its axes
        assertEquals(f.panels().get(2).getXYPlot().getDomainAxis().getRange(), f.panels().get(3).getXYPlot().getDomainAxis().getRange());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ComparisonFigure.rows(List.of(tanh, relu), List.of("binning/fixed-range-30")));
        assertTrue(e.getMessage().contains("relu") && e.getMessage().contains("binning/fixed-range-30"), e.getMessage());
    }

    @Test
    void sameRunsTwiceShareEveryEstimatorOnce() throws IOException {
        RecordedRun a = SyntheticRun.write(dir.resolve("a"));
        RecordedRun b = SyntheticRun.write(dir.resolve("b"));
        assertEquals(List.of(List.of(SyntheticRun.BINNING, SyntheticRun.BINNING), List.of(SyntheticRun.KDE, SyntheticRun.KDE)),
                ComparisonFigure.rows(List.of(a, b), List.of()));
        assertThrows(IllegalArgumentException.class, () -> ComparisonFigure.of(List.of(a), List.of()));
    }
}
