package org.infolens.spark.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.infolens.cli.CommandPlugin;
import org.infolens.experiments.ExperimentCatalog;
import org.infolens.spark.SparkMaster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code infolens sweep EXPERIMENT [OPTIONS, a comma list per variant axis] --seeds 1-50 [--master URL] [--out DIR]}. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run an experiment for every variant x seed on Apache Spark: each run is one Spark task doing what"
                + " ./infolens run does, into OUT/<experiment>-<variant>-s<seed>; then each variant's median over the seeds,"
                + " a comparison figure across the variants, and OUT/sweep.json. Submitting it again runs only what is missing.",
                "Experiment options follow the experiment's name as ./infolens run takes them; an option given a comma list"
                        + " (--activation tanh,relu --l2 0,0.001) is a variant axis, the grid their cartesian product.",
                "Example: ./infolens sweep ib12 --activation tanh,relu --seeds 1-10 --master spark://host:7077 --out /shared/sweeps/act"})
public final class SweepCommand implements Callable<Integer>, CommandPlugin {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "the experiment, as ./infolens run names it")
    String experiment;

    @Unmatched
    List<String> experimentOptions = new ArrayList<>();

    @Option(names = "--seeds", defaultValue = "1", paramLabel = "SEEDS", description = "seeds of every variant: 1-50, 1,2,3 or 1-10,20"
            + " (default ${DEFAULT-VALUE})")
    String seeds;

    @Option(names = "--master", defaultValue = SparkMaster.LOCAL, paramLabel = "URL", description = "local[N] (in this JVM, N tasks at"
            + " once), local[*] (a task per core: the default) or a standalone cluster spark://host:port, whose executors must see --out"
            + " and the infolens installation at the same paths")
    String master;

    @Option(names = "--out", paramLabel = "DIR", description = "the sweep's directory (default runs/sweep-<experiment>); a run already"
            + " finished there is not run again")
    Path out;

    @Option(names = "--max-attempts", defaultValue = "4", paramLabel = "N", description = "attempts per run before the sweep gives up"
            + " on it (Spark's spark.task.maxFailures; default ${DEFAULT-VALUE})")
    int maxAttempts;

    @Override
    public Integer call() throws Exception {
        ExperimentCatalog.named(experiment); // an unknown name is an error listing the known ones
        SweepGrid grid = SweepGrid.parse(experiment, experimentOptions, SweepGrid.seeds(seeds));
        Sweep sweep = Sweep.builder().grid(grid).out(out != null ? out : Path.of("runs", "sweep-" + experiment))
                .master(new SparkMaster(master, maxAttempts)).log(spec.commandLine().getOut()).build();
        try {
            sweep.run();
            return 0;
        } catch (Sweep.SweepFailedException e) {
            spec.commandLine().getErr().println("sweep: " + e.getMessage());
            return 1;
        }
    }
}
