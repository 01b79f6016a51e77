package org.infolens.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.infolens.figure.RunFigures;
import org.infolens.run.RecordedRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code infolens plot RUN}: redraws a run's figures from its trajectory. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Redraw every figure of a run directory from its trajectory.jsonl into RUN/figures/ (PNG and SVG):"
                + " information-plane, measures-vs-epoch, learning. Works on a run still going, and on a trajectory whose last"
                + " line was cut off (with a warning).")
final class PlotCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN", description = "the run directory")
    Path run;

    @Override
    public Integer call() throws Exception {
        RecordedRun recorded = RunReading.load(run, spec.commandLine().getErr());
        List<Path> files = RunFigures.write(RunFigures.of(recorded), recorded.directory().figuresDirectory());
        files.forEach(f -> spec.commandLine().getOut().println(f));
        return 0;
    }
}
