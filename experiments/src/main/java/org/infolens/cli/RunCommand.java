package org.infolens.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code infolens run <experiment>}. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Train a bundled experiment with the information-plane listener attached.",
        subcommands = {Ib12Command.class, ImageCommand.Mnist.class, ImageCommand.Fashion.class, ImageCommand.Cifar.class, ToySuperpositionCommand.class})
final class RunCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name an experiment: ib12, mnist-mlp, fashion-mlp, cifar10-cnn or toy-superposition");
    }
}
