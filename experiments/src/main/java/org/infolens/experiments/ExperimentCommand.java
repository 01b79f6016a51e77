package org.infolens.experiments;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.infolens.run.SetAsideRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * An experiment as {@code ./infolens run NAME} takes it: a picocli command whose fields are the
 * experiment's options, each declared once (name, default, help), and that launches the experiment
 * with them. The command line, {@link ExperimentCatalog#launch} and anything that launches a run again
 * from its run.json parse the same options with the same code. Its name is its {@code @Command} name;
 * it is registered in {@code META-INF/services/org.infolens.experiments.ExperimentCommand}.
 */
public abstract class ExperimentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", description = "where to write (default: a new directory under runs/ named after the experiment,"
            + " its variant and seed)")
    Path out;

    @Option(names = "--overwrite", description = "replace --out if it holds an earlier infolens run (the earlier run is deleted"
            + " only once the new one has finished; any other directory is refused)")
    boolean overwrite;

    private final List<SetAsideRun> replaced = new ArrayList<>(); // earlier runs moved aside by --overwrite

    /** The name {@code ./infolens run} takes and run names start with. */
    public final String name() {
        return nameOf(getClass());
    }

    static String nameOf(Class<?> experiment) {
        Command c = experiment.getAnnotation(Command.class);
        if (c == null || c.name().isEmpty() || c.name().startsWith("<")) {
            throw new IllegalStateException(experiment.getName() + " has no @Command name");
        }
        return c.name();
    }

    /**
     * Checks the options, then runs the experiment into {@code --out} (or a fresh directory under
     * runs/), printing its progress and results as {@code ./infolens run} does. Bad options or data are an
     * {@link IllegalArgumentException} or an {@link IOException} before anything is written.
     */
    public abstract ExperimentOutcome launch() throws IOException;

    /**
     * Checks the options as {@link #launch} would before writing anything (and reads the data, where
     * that is how it is checked), without training: bad options are an {@link IllegalArgumentException},
     * unreadable data an {@link IOException}. A sweep calls it on its driver for every variant before
     * any task starts.
     */
    public void validate() throws IOException {
    }

    @Override
    public Integer call() throws Exception {
        launchAndReplace();
        return 0;
    }

    /**
     * {@link #launch}, then deletes the earlier runs that {@code --overwrite} moved aside; when the new
     * run fails they stay, whole, and stderr says where.
     */
    public final ExperimentOutcome launchAndReplace() throws IOException {
        ExperimentOutcome outcome;
        try {
            outcome = launch();
        } catch (IOException | RuntimeException e) {
            for (SetAsideRun r : replaced) {
                spec.commandLine().getErr().println("the earlier run replaced by --overwrite is kept, whole, at " + r.aside());
            }
            throw e;
        }
        for (SetAsideRun r : replaced) {
            r.discard();
        }
        replaced.clear();
        return outcome;
    }

    /** Where progress and results are printed: the command line's standard output. */
    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** {@code --out}, or null for a directory chosen under runs/. */
    protected Path outOption() {
        return out;
    }

    /**
     * {@code --out} when given (with {@code --overwrite}, the earlier run there is moved aside whole and
     * deleted after the new run has finished), else runs/{@code name} or the next free runs/{@code name}-k.
     */
    protected Path directory(Path given, String name) throws IOException {
        RunDirectories.Chosen c = RunDirectories.prepare(given, name, overwrite);
        if (c.replaced() != null) {
            replaced.add(c.replaced());
        }
        return c.directory();
    }
}
