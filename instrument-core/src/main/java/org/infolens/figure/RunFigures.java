package org.infolens.figure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.infolens.run.RecordedRun;
import org.infolens.run.RunDirectory;

/**
 * Every figure a run's records support, drawn from its trajectory into {@code figures/} as PNG and
 * SVG: the information planes ({@value InformationPlaneFigure#NAME}), every measure against epoch
 * ({@value MeasureCurvesFigure#NAME}), and training with the representation measures
 * ({@value LearningFigure#NAME}). A figure the records do not support is left out.
 */
public final class RunFigures {

    private RunFigures() {
    }

    /** The figures of {@code run}, in the order a reader should see them. */
    public static List<PanelFigure> of(RecordedRun run) {
        List<PanelFigure> figures = new ArrayList<>();
        if (!InformationPlaneFigure.data(run).isEmpty()) {
            figures.add(InformationPlaneFigure.of(run));
        }
        if (!MeasureCurvesFigure.data(run).isEmpty()) {
            figures.add(MeasureCurvesFigure.of(run));
        }
        if (!LearningFigure.data(run).isEmpty()) {
            figures.add(LearningFigure.of(run));
        }
        return figures;
    }

    /** Draws every figure of the run in {@code run}; returns the files written. */
    public static List<Path> draw(RunDirectory run) throws IOException {
        return write(of(RecordedRun.load(run.root())), run.figuresDirectory());
    }

    /** Writes {@code figures} as PNG and SVG into {@code directory}; returns the files written. */
    public static List<Path> write(List<PanelFigure> figures, Path directory) throws IOException {
        List<Path> written = new ArrayList<>();
        for (PanelFigure f : figures) {
            PanelFigure.Written w = f.write(directory);
            written.add(w.png());
            written.add(w.svg());
        }
        return written;
    }
}
