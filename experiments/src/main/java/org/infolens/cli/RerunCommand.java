package org.infolens.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.infolens.experiments.ExperimentCatalog;
import org.infolens.measure.MeasureSpec;
import org.infolens.run.RunDirectory;
import org.infolens.run.RunProvenance;
import org.infolens.trajectory.TrajectoryReader;
import org.infolens.trajectory.TrajectoryRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code infolens rerun RUN}: trains again from RUN/run.json alone. The experiment and its options come
 * from the run's {@code launch} entry, the measures from its {@code measures} entries (each rebuilt from
 * its recorded parameters, so a change of an experiment's default measures since does not change what
 * is measured); then the new trajectory's values are compared with the old one's.
 */
@Command(name = "rerun", mixinStandardHelpOptions = true,
        description = "Train a run again from its run.json alone (same experiment, options, seeds, data and measures) into a new"
                + " directory, and say whether every recorded value came out the same.")
final class RerunCommand implements Callable<Integer> {

    /** Options of a launch that rerun sets itself. */
    private static final List<String> REPLACED = List.of("--measure", "--out", "--overwrite");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN", description = "a run directory made by ./infolens run")
    Path run;

    @Option(names = "--out", paramLabel = "DIR", description = "where the new run goes (default RUN-rerun)")
    Path out;

    @Override
    public Integer call() throws Exception {
        RunDirectory original = new RunDirectory(run);
        if (!Files.isRegularFile(original.provenanceFile())) {
            throw new IllegalArgumentException(run + " holds no run.json: not a run directory");
        }
        RunProvenance p = original.readProvenance();
        if (p.launch() == null || !(p.launch().get("options") instanceof Map<?, ?> recorded)) {
            throw new IllegalArgumentException(original.provenanceFile() + " records no launch (a run of the listener in your own code,"
                    + " a seed-median run, or one made before rerun existed): it cannot be launched again");
        }
        String experiment = String.valueOf(p.launch().get("experiment"));
        Map<String, Object> options = new LinkedHashMap<>();
        recorded.forEach((k, v) -> {
            if (!REPLACED.contains(String.valueOf(k))) {
                options.put(String.valueOf(k), v);
            }
        });
        List<String> args = new ArrayList<>(ExperimentCatalog.arguments(options));
        for (Map<String, Object> m : p.measures()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> params = (Map<String, Object>) m.get("params");
            args.add("--measure");
            args.add(new MeasureSpec(String.valueOf(m.get("name")), params).toString());
        }
        Path target = out != null ? out : run.toAbsolutePath().normalize().resolveSibling(run.toAbsolutePath().normalize().getFileName() + "-rerun");
        ExperimentCatalog.launch(experiment, args, target);

        List<TrajectoryRecord> before = TrajectoryReader.read(original.trajectoryFile()).records();
        List<TrajectoryRecord> after = TrajectoryReader.read(new RunDirectory(target).trajectoryFile()).records();
        int same = 0;
        for (int i = 0; i < Math.min(before.size(), after.size()); i++) {
            if (sameValues(before.get(i), after.get(i))) {
                same++;
            }
        }
        boolean reproduced = same == before.size() && before.size() == after.size();
        spec.commandLine().getOut().printf("rerun of %s in %s: %d of %d records with the same values%s%n", run, target, same, before.size(),
                reproduced ? " (reproduced)" : after.size() != before.size() ? "; " + after.size() + " records now" : "");
        return reproduced ? 0 : 1;
    }

    /** Same place, measure, status and values (times and durations differ by nature). */
    static boolean sameValues(TrajectoryRecord a, TrajectoryRecord b) {
        return a.epoch() == b.epoch() && a.layer().equals(b.layer()) && a.label().equals(b.label()) && a.status() == b.status()
                && a.values().equals(b.values()) && a.params().equals(b.params()) && a.resolved().equals(b.resolved());
    }
}
