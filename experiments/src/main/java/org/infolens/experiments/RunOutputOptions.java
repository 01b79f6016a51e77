package org.infolens.experiments;

import org.infolens.io.ActivationDumps;
import picocli.CommandLine.Option;

/** What a training experiment keeps on disk and how loudly it trains: options every {@code run} experiment with a listener shares. */
final class RunOutputOptions {

    @Option(names = "--save-activations", description = "keep every recorded epoch's activations as .npy under activations/"
            + " (the disk it will take is printed before training)")
    boolean saveActivations;

    @Option(names = "--dump-rows", defaultValue = "0", paramLabel = "N", description = "with --save-activations: keep a fixed seeded"
            + " subset of N probe rows (default all)")
    int dumpRows;

    @Option(names = "--dump-columns", defaultValue = "0", paramLabel = "N", description = "with --save-activations: keep at most N"
            + " units of each layer, a fixed seeded subset (default all)")
    int dumpColumns;

    /** What to keep on disk, or null; validated. */
    ActivationDumps dumps() {
        if (!saveActivations && (dumpRows != 0 || dumpColumns != 0)) {
            throw new IllegalArgumentException("--dump-rows and --dump-columns apply to --save-activations, which is not given");
        }
        return saveActivations ? new ActivationDumps(dumpRows, dumpColumns, 0) : null;
    }

    @Option(names = {"-q", "--quiet"}, description = "no progress bar")
    boolean quiet;

    @Option(names = "--checkpoints", description = "at each recorded epoch also write the network (weights, updater state) as"
            + " checkpoints/epoch-N.zip beside the trajectory, so that an interrupted or killed run can be continued with --resume")
    boolean checkpoints;

    @Option(names = "--resume", paramLabel = "RUN", description = "continue RUN, recorded with --checkpoints, from its checkpoint:"
            + " the same options as the run had (run.json's launch), appending to its trajectory; the checkpoint's epoch and any"
            + " later one are recorded again, none twice")
    java.nio.file.Path resume;

    /** Checkpoints and resumption, as given. */
    RunRecovery recovery() {
        return new RunRecovery(checkpoints || resume != null, resume != null);
    }
}
