package org.infolens.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.infolens.report.RunReport;
import org.infolens.run.RecordedRun;
import org.infolens.run.SyntheticRun;
import org.infolens.trajectory.TrajectoryRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records whose reliability verdict calls a plane value unreliable: hollow points, said in the panel's note and in report.html. */
class UnreliablePointsTest {

    @TempDir
    Path dir;

    /** The synthetic run with kde's I(X;T) at the last epoch called unreliable, with a reason. */
    private static List<TrajectoryRecord> withVerdicts() {
        List<TrajectoryRecord> out = new ArrayList<>();
        for (TrajectoryRecord r : SyntheticRun.records()) {
            if (r.label().equals(SyntheticRun.KDE) && r.epoch() == 100) {
                Map<String, Object> details = new LinkedHashMap<>(r.details());
                details.put("verdict", Map.of("I_XT", Map.of("status", "unreliable", "reason", "too few rows: estimates on only 3 subset sizes"),
                        "I_TY", Map.of("status", "reliable", "extrapolated", 0.5, "low", 0.4, "high", 0.6, "gammas", List.of(1, 2, 3, 4, 5))));
                details.put("unreliable", List.of("I_XT"));
                r = SyntheticRun.record(r.run(), r.epoch(), r.layer(), r.measure(), r.label(), r.status(), r.values(), r.intervals(),
                        details, null);
            }
            out.add(r);
        }
        return out;
    }

    @Test
    void unreliablePointsAreDrawnHollowAndTheNoteSaysSo() throws IOException {
        InformationPlaneData d = InformationPlaneData.of(withVerdicts(), SyntheticRun.KDE);
        assertEquals(4, d.points().stream().filter(InformationPlaneData.Point::unreliable).count(), "four layers at epoch 100");
        assertTrue(InformationPlaneFigure.note(d).contains("hollow: unreliable"));
        InformationPlaneData plain = InformationPlaneData.of(SyntheticRun.records(), SyntheticRun.KDE);
        assertFalse(InformationPlaneFigure.note(plain).contains("hollow"));
        RecordedRun flagged = SyntheticRun.write(dir.resolve("flagged"), withVerdicts(), List.of(SyntheticRun.BINNING, SyntheticRun.KDE),
                Map.of("experiment", "synthetic"));
        RecordedRun reliable = SyntheticRun.write(dir.resolve("reliable"));
        String a = InformationPlaneFigure.of(flagged).svg();
        String b = InformationPlaneFigure.of(reliable).svg();
        assertFalse(a.equals(b), "hollow markers change the drawing");
    }

    @Test
    void theReportMarksEachVerdictAndWarnsAboutTheUnreliable() throws IOException {
        RecordedRun run = SyntheticRun.write(dir.resolve("run"), withVerdicts(), List.of(SyntheticRun.BINNING, SyntheticRun.KDE),
                Map.of("experiment", "synthetic"));
        String html = RunReport.html(run, List.of(), 0);
        assertTrue(html.contains("<abbr class=\"unreliable\" title=\"too few rows: estimates on only 3 subset sizes\">unreliable</abbr>"), html);
        assertTrue(html.contains("<abbr class=\"reliable\""), "reliable values say so");
        assertTrue(html.contains("<b>unreliable:</b> 4 records with values the reliability verdict calls unreliable"), html);
    }
}
