package org.infolens.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a training experiment writes and how loudly: the options every {@code run} experiment with a listener shares. */
final class RunOutputOptions {

    @Option(names = "--out", description = "run directory (default runs/<experiment>-<activation>-s<seed>)")
    Path out;

    @Option(names = "--overwrite", description = "empty --out first if it holds an earlier run")
    boolean overwrite;

    @Option(names = "--save-activations", description = "keep every recorded epoch's activations as .npy under activations/")
    boolean saveActivations;

    @Option(names = {"-q", "--quiet"}, description = "no progress bar")
    boolean quiet;
}
