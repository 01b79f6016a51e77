package org.infolens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ServiceLoader;
import org.infolens.dl4j.FencedOpExecutioner;
import org.infolens.run.InfolensVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ./infolens}: train instrumented experiments, draw and report runs, estimate measures from files, benchmark. */
@Command(name = "infolens", mixinStandardHelpOptions = true, versionProvider = InfolensCli.Version.class,
        description = "Information-theoretic instrumentation of Deeplearning4j training.",
        subcommands = {RunCommand.class, PlotCommand.class, ReportCommand.class, CompareCommand.class, EstimateCommand.class,
                RecomputeCommand.class, RerunCommand.class, ReproduceCommand.class})
public final class InfolensCli implements Runnable {

    /** Exit code for bad input: an unknown option, a missing or malformed file, an invalid parameter. */
    public static final int BAD_INPUT = 2;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is needed: " + String.join(", ", spec.subcommands().keySet()));
    }

    public static void main(String[] args) {
        FencedOpExecutioner.select(); // before ND4J starts: a long run must not die of ND4J freeing an op's buffer under a GC
        System.exit(commandLine().execute(args));
    }

    /**
     * The configured command line, with the experiments of the catalog under {@code run} and the
     * subcommands that jars on the class path add ({@link CommandPlugin}): bad input is one line on stderr and exit code 2.
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new InfolensCli());
        RunCommand.addExperiments(cl.getSubcommands().get("run"));
        ServiceLoader.load(CommandPlugin.class).forEach(cl::addSubcommand);
        EstimateCommand.describeMeasures(cl.getSubcommands().get("estimate"));
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println(ex.getCommandLine().getCommandSpec().qualifiedName() + ": " + ex.getMessage() + " (see --help)");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof IllegalArgumentException || ex instanceof IOException || ex instanceof UncheckedIOException) {
                err.println(commandLine.getCommandSpec().qualifiedName() + ": " + oneLine(ex));
                return BAD_INPUT;
            }
            err.println(commandLine.getCommandSpec().qualifiedName() + ": internal error: " + ex);
            ex.printStackTrace(err);
            return 1;
        });
        return cl;
    }

    private static String oneLine(Throwable ex) {
        String m = ex.getMessage() == null ? ex.toString() : ex.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** Reports the infolens and DL4J versions. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"infolens " + InfolensVersion.infolens() + " (DL4J " + InfolensVersion.dl4j() + ")"};
        }
    }
}
