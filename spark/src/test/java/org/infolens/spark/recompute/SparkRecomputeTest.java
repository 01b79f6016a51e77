package org.infolens.spark.recompute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.infolens.cli.InfolensCli;
import org.infolens.estimate.EstimatorCatalog;
import org.infolens.run.RunDirectory;
import org.infolens.trajectory.TrajectoryReader;
import org.infolens.trajectory.TrajectoryRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** recompute --master local[2] appends the records the local recompute appends, value for value and in the same order. */
class SparkRecomputeTest {

    private static int infolens(String... args) {
        StringWriter err = new StringWriter();
        int rc = InfolensCli.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err)).execute(args);
        assertEquals(0, rc, err.toString());
        return rc;
    }

    @Test
    void measuresAreSplitNoFinerThanTheirStateAllows() {
        assertEquals(SparkRecompute.Split.EPOCH_LAYER, SparkRecompute.split(EstimatorCatalog.fromSpec("kde:bound=upper")));
        assertEquals(SparkRecompute.Split.LAYER, SparkRecompute.split(EstimatorCatalog.fromSpec("infonce")), "warm-started critics");
        assertEquals(SparkRecompute.Split.EPOCH_LAYER, SparkRecompute.split(EstimatorCatalog.fromSpec("infonce:warmStart=false")));
        assertEquals(SparkRecompute.Split.RUN, SparkRecompute.split(EstimatorCatalog.fromSpec("binning:edges=global-minmax")),
                "the range is observed over every layer and epoch");
    }

    @Test
    void recomputeOnSparkAppendsWhatTheLocalRecomputeAppends(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a");
        infolens("run", "ib12", "--epochs", "3", "--points", "3", "--save-activations", "--dump-rows", "600", "--out", a.toString(), "-q");
        Path b = dir.resolve("b");
        copy(a, b);
        String[] measures = {"--measure", "kde:bound=upper", "--measure", "binning:edges=global-minmax"};
        infolens(concat(new String[] {"recompute", a.toString(), "-q"}, measures));
        infolens(concat(new String[] {"recompute", b.toString(), "--master", "local[2]"}, measures));
        List<String> local = lines(a);
        List<String> spark = lines(b);
        assertEquals(local.size(), spark.size());
        assertEquals(local, spark, "same records, same values, same order");
        long epochs;
        try (Stream<Path> s = Files.list(new RunDirectory(a).activationsDirectory())) {
            epochs = s.filter(p -> p.getFileName().toString().startsWith("epoch-")).count();
        }
        assertEquals(2 * epochs * 6, local.stream().filter(l -> l.startsWith("kde/") || l.startsWith("binning/global-minmax")).count(),
                "2 measures x every stored epoch x 6 layers");
    }

    /** (label, epoch, layer, values) of every record, in file order. */
    private static List<String> lines(Path run) throws IOException {
        return TrajectoryReader.read(new RunDirectory(run).trajectoryFile()).records().stream()
                .map((TrajectoryRecord r) -> r.label() + " " + r.epoch() + " " + r.layer().name() + " " + r.status() + " " + r.values()).toList();
    }

    private static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
