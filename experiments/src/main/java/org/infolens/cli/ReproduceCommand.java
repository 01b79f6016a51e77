package org.infolens.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;
import org.infolens.reproduce.ClaimRegistry;
import org.infolens.reproduce.ClaimsReport;
import org.infolens.reproduce.DistributedRunner;
import org.infolens.reproduce.Evaluation;
import org.infolens.reproduce.InProcessRunner;
import org.infolens.reproduce.Reproduction;
import org.infolens.reproduce.SeedRunner;
import org.infolens.reproduce.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code infolens reproduce [CLAIM...]}: published claims checked over seeds, with a verdict each. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Run the published claims of the Information Bottleneck literature (all, or those named) over seeds, test each"
                + " with its statistic, and write OUT/reproduce/claims.json and OUT/reproduce/report.html beside the runs. Runs that"
                + " finished before with the same options are reused. Exit 2 when a claim could not run (a missing dataset).")
final class ReproduceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CLAIM", arity = "0..*", description = "claim ids (default: every registered claim; --list shows them)")
    List<String> claims = new ArrayList<>();

    @Option(names = "--seeds", paramLabel = "N", description = "seeds 1..N for every run (default: 10, or 5 with --quick)")
    Integer seeds;

    @Option(names = "--quick", description = "short runs (minutes, not hours): a check that every claim runs, not the papers' settings")
    boolean quick;

    @Option(names = "--out", defaultValue = "runs", description = "where the runs and reproduce/ go (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--list", description = "list the registered claims and exit")
    boolean list;

    @Option(names = "--master", paramLabel = "URL", description = "make the runs on Apache Spark, a task per seed: local[N] or"
            + " spark://host:port (executors need OUT at the same path)")
    String master;

    @Override
    public Integer call() throws Exception {
        if (list) {
            ClaimRegistry.all().values().forEach(c -> spec.commandLine().getOut().printf(Locale.ROOT, "%-36s %s%n", c.id(), c.citation()));
            return 0;
        }
        int n = seeds == null ? (quick ? 5 : 10) : seeds;
        if (n < 1) {
            throw new IllegalArgumentException("--seeds must be >= 1, got " + n);
        }
        List<Long> seedList = LongStream.rangeClosed(1, n).boxed().toList();
        Reproduction.Outcome outcome = Reproduction.run(new Reproduction.Settings(ClaimRegistry.select(claims), seedList, quick, out,
                runner()), spec.commandLine().getErr());
        var o = spec.commandLine().getOut();
        boolean notRun = false;
        for (Reproduction.Result r : outcome.results()) {
            Evaluation e = r.evaluation();
            notRun |= e.verdict() == Verdict.NOT_RUN;
            o.printf(Locale.ROOT, "%-36s %-15s %s [%s, %s] p=%s  %s%n", r.claim().id(), e.verdict().text(), ClaimsReport.number(e.estimate()),
                    ClaimsReport.number(e.low()), ClaimsReport.number(e.high()), ClaimsReport.number(e.pValue()), e.reason());
        }
        o.println("claims: " + outcome.claimsJson());
        o.println("report: " + outcome.report());
        return notRun ? InfolensCli.BAD_INPUT : 0;
    }

    /** In this JVM, or on Spark with --master (the spark module's {@link DistributedRunner}, found on the class path). */
    private SeedRunner runner() {
        if (master == null) {
            return new InProcessRunner();
        }
        return java.util.ServiceLoader.load(DistributedRunner.class).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "--master needs the spark module on the class path (./infolens puts it there when --master is given)"))
                .on(master, spec.commandLine().getErr());
    }
}
