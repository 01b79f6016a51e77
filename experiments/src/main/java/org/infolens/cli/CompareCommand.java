package org.infolens.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.infolens.figure.ComparisonFigure;
import org.infolens.figure.PanelFigure;
import org.infolens.run.RecordedRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code infolens compare RUN RUN...}: several runs' information planes side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Put several runs' information planes side by side (a column per run, a row per estimator, shared axes"
                + " along a row, one epoch colour bar); writes comparison.png and comparison.svg.")
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0..*", arity = "2..*", paramLabel = "RUN", description = "two run directories or more")
    List<Path> runs;

    @Option(names = "--measure", paramLabel = "LABEL", description = "an estimator's label (binning/adaptive-30, ...), repeatable;"
            + " default: each run's first estimator, then every estimator the runs share")
    List<String> labels = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "directory to write into (default: the current one)")
    Path out;

    @Override
    public Integer call() throws Exception {
        List<RecordedRun> recorded = new ArrayList<>();
        for (Path run : runs) {
            recorded.add(RunReading.load(run, spec.commandLine().getErr()));
        }
        PanelFigure figure = ComparisonFigure.of(recorded, labels);
        PanelFigure.Written w = figure.write(out);
        spec.commandLine().getOut().println(w.png());
        spec.commandLine().getOut().println(w.svg());
        return 0;
    }
}
