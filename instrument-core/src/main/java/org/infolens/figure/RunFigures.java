package org.infolens.figure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.infolens.run.RunDirectory;
import org.infolens.trajectory.TrajectoryReader;
import org.infolens.trajectory.TrajectoryRecord;

/**
 * Draws a run's figures from its trajectory: one information plane per measure label that estimates
 * both I(X;T) and I(T;Y) ({@code figures/information-plane-<label>.png}), the first of the run's
 * measures (run.json's order, else the trajectory's) also as {@code figures/information-plane.png}.
 */
public final class RunFigures {

    public static final int WIDTH = 1000;
    public static final int HEIGHT = 760;

    private RunFigures() {
    }

    /** Draws every figure; returns the files written. */
    public static List<Path> draw(RunDirectory run) throws IOException {
        TrajectoryReader.Trajectory t = TrajectoryReader.read(run.trajectoryFile());
        Set<String> planes = new LinkedHashSet<>();
        for (TrajectoryRecord r : t.records()) {
            if (r.isOk() && r.valuesBits().containsKey("I_XT") && r.valuesBits().containsKey("I_TY")) {
                planes.add(r.label());
            }
        }
        // Two-pass measures write their records last; the run's own measure order decides what is primary.
        Set<String> labels = new LinkedHashSet<>();
        if (Files.exists(run.provenanceFile())) {
            for (var m : run.readProvenance().measures()) {
                if (planes.contains(String.valueOf(m.get("label")))) {
                    labels.add(String.valueOf(m.get("label")));
                }
            }
        }
        labels.addAll(planes);
        List<Path> written = new ArrayList<>();
        Files.createDirectories(run.figuresDirectory());
        String runName = run.root().getFileName().toString();
        boolean first = true;
        for (String label : labels) {
            InformationPlaneFigure figure = InformationPlaneFigure.of(t.records(), label, "Information plane \u2014 " + runName);
            Path file = run.figuresDirectory().resolve("information-plane-" + label.replaceAll("[^A-Za-z0-9_.-]", "_") + ".png");
            figure.writePng(file, WIDTH, HEIGHT);
            written.add(file);
            if (first) {
                Path main = run.figuresDirectory().resolve("information-plane.png");
                Files.copy(file, main, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                written.add(main);
                first = false;
            }
        }
        return written;
    }
}
