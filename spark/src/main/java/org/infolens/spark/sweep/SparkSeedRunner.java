package org.infolens.spark.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.api.java.JavaSparkContext;
import org.infolens.experiments.ExperimentCatalog;
import org.infolens.io.FileTrees;
import org.infolens.reproduce.DistributedRunner;
import org.infolens.reproduce.SeedRunner;
import org.infolens.run.SetAsideRun;
import org.infolens.spark.SparkMaster;

/**
 * The reproduce suite's runs on Spark ({@code ./infolens reproduce --master URL}): each call's seeds one
 * {@link SweepTask} each, as a sweep runs them (written aside, renamed into place once finished, retried
 * by Spark). The options are checked on the driver first, a missing dataset included. A run directory of
 * the same name from before (other options, or unfinished) is set aside and deleted only once the new
 * run has finished there, as {@code --overwrite} does; it is put back when the new one fails.
 */
public final class SparkSeedRunner implements SeedRunner {

    /** Directory beside the runs where earlier runs wait while their replacements run. */
    static final String REPLACED = ".replaced";

    private final SparkMaster master;
    private final PrintWriter log;

    public SparkSeedRunner(SparkMaster master, PrintWriter log) {
        this.master = master;
        this.log = log;
    }

    /** The provider {@code reproduce --master} finds. */
    public static final class Provider implements DistributedRunner {
        @Override
        public SeedRunner on(String url, PrintWriter log) {
            return new SparkSeedRunner(new SparkMaster(url, 4), log);
        }
    }

    @Override
    public void run(String experiment, List<String> options, List<Long> seeds, List<Path> directories) throws IOException {
        if (seeds.size() != directories.size()) {
            throw new IllegalArgumentException(seeds.size() + " seeds for " + directories.size() + " directories");
        }
        if (seeds.isEmpty()) {
            return;
        }
        Path out = directories.get(0).toAbsolutePath().normalize().getParent();
        List<SweepRun> runs = new ArrayList<>();
        for (int i = 0; i < seeds.size(); i++) {
            Path d = directories.get(i).toAbsolutePath().normalize();
            if (!d.getParent().equals(out)) {
                throw new IllegalArgumentException("the runs of one call go into one directory: " + d + " is not in " + out);
            }
            runs.add(new SweepRun(d.getFileName().toString(), "", Map.of(), options, seeds.get(i)));
        }
        ExperimentCatalog.validate(experiment, runs.get(0).arguments()); // bad options, a missing dataset: before any task
        master.checkReachable();
        List<SetAsideRun> aside = setAside(out, runs);
        Exception failure = null;
        try {
            JavaSparkContext sc = master.start("infolens reproduce " + experiment);
            try {
                sc.parallelize(runs, runs.size()).map(new SweepTask(experiment, out.toString(), RunLauncher.RUN)).collect();
            } finally {
                sc.stop();
            }
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) { // Spark's job failure (SparkException, undeclared by its Scala API)
            failure = e;
        } finally {
            FileTrees.delete(out.resolve(SweepTask.PARTIAL));
            restore(aside);
        }
        List<String> missing = runs.stream().filter(r -> !SweepTask.finished(out.resolve(r.name()))).map(SweepRun::name).toList();
        if (!missing.isEmpty()) {
            throw new IOException(String.format(Locale.ROOT, "runs %s did not finish on %s after %d attempts each (%s)", missing, master.url(),
                    master.maxAttempts(), failure == null ? "no error" : firstLine(failure)), failure);
        }
        log.printf(Locale.ROOT, "reproduce: %d runs of %s on %s%n", runs.size(), experiment, master.url());
    }

    /** Moves the runs' existing directories out of the way (they would keep a finished rename from landing). */
    private static List<SetAsideRun> setAside(Path out, List<SweepRun> runs) throws IOException {
        List<SetAsideRun> aside = new ArrayList<>();
        for (SweepRun r : runs) {
            Path target = out.resolve(r.name());
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                aside.add(SetAsideRun.move(target, out.resolve(REPLACED).resolve(r.name() + "." + UUID.randomUUID())));
            }
        }
        return aside;
    }

    /** Deletes each set-aside run whose replacement finished; puts back those whose replacement did not. */
    private void restore(List<SetAsideRun> aside) throws IOException {
        for (SetAsideRun r : aside) {
            if (SweepTask.finished(r.original())) {
                r.discard();
            } else {
                r.putBack(); // only a finished run is ever renamed to the original path: nothing of the new run's to keep
                log.println("reproduce: the earlier run is kept at " + r.original() + " (its replacement did not finish)");
            }
        }
        if (!aside.isEmpty()) {
            try {
                Files.deleteIfExists(aside.get(0).aside().getParent());
            } catch (DirectoryNotEmptyException e) {
                // another reproduce's runs wait there: theirs to clear
            }
        }
    }

    private static String firstLine(Throwable t) {
        String m = String.valueOf(t.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
