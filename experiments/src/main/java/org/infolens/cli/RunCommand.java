package org.infolens.cli;

import org.infolens.experiments.ExperimentCatalog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code infolens run <experiment>}: a subcommand per experiment of the {@link ExperimentCatalog}. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Train a bundled experiment with the information-plane listener attached.")
final class RunCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name an experiment: " + String.join(", ", spec.subcommands().keySet()));
    }

    /** Adds every registered experiment to {@code run}, this command's command line. */
    static void addExperiments(CommandLine run) {
        ExperimentCatalog.experiments().forEach(run::addSubcommand);
    }
}
