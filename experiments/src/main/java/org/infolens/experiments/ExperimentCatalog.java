package org.infolens.experiments;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Every experiment {@code ./infolens run} knows, by name: the {@link ExperimentCommand}s registered in
 * {@code META-INF/services/org.infolens.experiments.ExperimentCommand} (the bundled ones in this
 * module's, in the order the command line lists them; a jar on the class path may add its own). The
 * command line's {@code run} subcommands are these; {@link #launch} runs one from its name and option
 * list exactly as {@code ./infolens run NAME OPTIONS... --out DIRECTORY} does, for code that launches
 * runs itself (a run launched again from its run.json, a sweep).
 */
public final class ExperimentCatalog {

    private ExperimentCatalog() {
    }

    /** A fresh command of every registered experiment (a command holds the options parsed into it: use each once). */
    public static List<ExperimentCommand> experiments() {
        List<ExperimentCommand> all = new ArrayList<>();
        ServiceLoader.load(ExperimentCommand.class).forEach(all::add);
        return all;
    }

    /** The registered experiments' names, in registration order. */
    public static List<String> names() {
        return ServiceLoader.load(ExperimentCommand.class).stream().map(p -> ExperimentCommand.nameOf(p.type())).toList();
    }

    /** A fresh command of the experiment called {@code name}; an unknown name is an error listing the known ones. */
    public static ExperimentCommand named(String name) {
        return ServiceLoader.load(ExperimentCommand.class).stream()
                .filter(p -> ExperimentCommand.nameOf(p.type()).equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown experiment '" + name + "'; known: " + String.join(", ", names())))
                .get();
    }

    /**
     * Runs experiment {@code name} with {@code options} (as {@code ./infolens run NAME} takes them, without
     * {@code --out}) into {@code directory}, and returns what it wrote. Bad options are an
     * {@link IllegalArgumentException} naming the experiment.
     */
    public static ExperimentOutcome launch(String name, List<String> options, Path directory) throws IOException {
        return launch(name, options, directory, null);
    }

    /**
     * {@link #launch(String, List, Path)}, printing what {@code ./infolens run} prints to {@code out}
     * instead of standard output (null: standard output).
     */
    public static ExperimentOutcome launch(String name, List<String> options, Path directory, java.io.PrintWriter out) throws IOException {
        List<String> args = new ArrayList<>(options);
        args.add("--out");
        args.add(directory.toString());
        ExperimentCommand experiment = parsed(name, args, out);
        return experiment.launchAndReplace();
    }

    /**
     * Checks {@code options} (as {@link #launch} takes them) for experiment {@code name} the way a launch
     * does before writing anything, without training ({@link ExperimentCommand#validate}): bad options
     * are an {@link IllegalArgumentException} naming the experiment.
     */
    public static void validate(String name, List<String> options) throws IOException {
        ExperimentCommand experiment = parsed(name, options, null);
        try {
            experiment.validate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("run " + name + " " + String.join(" ", options) + ": " + e.getMessage(), e);
        }
    }

    private static ExperimentCommand parsed(String name, List<String> args, java.io.PrintWriter out) {
        ExperimentCommand experiment = named(name);
        CommandLine cl = new CommandLine(experiment);
        if (out != null) {
            cl.setOut(out);
        }
        try {
            cl.parseArgs(args.toArray(String[]::new));
        } catch (ParameterException e) {
            throw new IllegalArgumentException("run " + name + ": " + e.getMessage(), e);
        }
        return experiment;
    }

    /**
     * The option list that recorded options stand for (run.json's {@code launch.options}: option name to
     * value), in their order: {@code --flag} for a true boolean and nothing for a false one, an option
     * per element of a list, {@code --name value} otherwise. {@link #launch} with it runs the recorded
     * run again.
     */
    public static List<String> arguments(Map<String, ?> options) {
        List<String> args = new ArrayList<>();
        options.forEach((option, value) -> {
            if (value instanceof Boolean b) {
                if (b) {
                    args.add(option);
                }
            } else if (value instanceof Collection<?> values) {
                values.forEach(v -> {
                    args.add(option);
                    args.add(String.valueOf(v));
                });
            } else if (value != null) {
                args.add(option);
                args.add(String.valueOf(value));
            }
        });
        return args;
    }

    /** An option's value as run.json records it: numbers, booleans and strings as they are, paths absolute, lists element by element. */
    static Object recorded(Object value) {
        if (value instanceof Path p) {
            return p.toAbsolutePath().normalize().toString();
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(ExperimentCatalog::recorded).toList();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return String.valueOf(value);
    }
}
