package org.infolens.spark.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.infolens.experiments.ExperimentCatalog;

/**
 * How a sweep's task runs one (variant, seed) into a directory. {@link #RUN} is what
 * {@code ./infolens run EXPERIMENT OPTIONS --out DIRECTORY} runs (same code, same values); the
 * interface exists so that a test can wrap it (a run that fails after writing part of its directory).
 */
@FunctionalInterface
public interface RunLauncher extends Serializable {

    /** {@code ./infolens run}'s code path, its printed summary discarded (the run's run.json holds it). */
    RunLauncher RUN = (experiment, arguments, directory) -> ExperimentCatalog.launch(experiment, arguments, directory,
            new PrintWriter(new StringWriter()));

    /** Runs {@code experiment} with {@code arguments} into {@code directory}, which does not exist yet or is empty. */
    void launch(String experiment, List<String> arguments, Path directory) throws IOException;
}
