package org.infolens.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.infolens.data.ActivationSnapshot;
import org.infolens.data.Probe;
import org.infolens.estimate.binning.BinnedInformation;
import org.infolens.estimate.binning.FixedRangeDiscretizer;
import org.infolens.pipeline.PendingSnapshot;
import org.infolens.run.RunDirectory;
import org.infolens.run.RunLock;
import org.infolens.trajectory.TrajectoryReader;
import org.infolens.trajectory.TrajectoryRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One writer per run directory: a second run on it is refused by name, a dead owner's lock is taken over. */
@Timeout(60)
class RunLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondHolderIsRefusedWithTheOwnersPidAndHost() throws Exception {
        try (RunLock first = RunLock.acquire(dir, RunDirectory.LOCK, "run 'a'")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunLock.acquire(dir, RunDirectory.LOCK, "run 'b'"));
            String m = e.getMessage();
            assertTrue(m.contains("pid " + ProcessHandle.current().pid()) && m.contains(RunLock.host()) && m.contains("run 'a'"), m);
            assertThrows(IllegalArgumentException.class, () -> RunLock.check(dir, RunDirectory.LOCK));
        }
        assertFalse(Files.exists(dir.resolve(RunDirectory.LOCK)), "released at close");
        RunLock.check(dir, RunDirectory.LOCK);
        RunLock.acquire(dir, RunDirectory.LOCK, "run 'c'").close();
    }

    @Test
    void aLockLeftByADeadProcessOnThisHostIsTakenOverAndOneOnAnotherHostIsNot() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(dir.resolve(RunDirectory.LOCK), gone.pid() + "\n" + RunLock.host() + "\nrun 'killed'\n2026-01-01T00:00:00Z\n");
        try (RunLock taken = RunLock.acquire(dir, RunDirectory.LOCK, "run 'next'")) {
            assertTrue(Files.readString(taken.file()).startsWith(ProcessHandle.current().pid() + "\n"));
        }
        Files.writeString(dir.resolve(RunDirectory.LOCK), gone.pid() + "\nother-machine\nrun 'remote'\n2026-01-01T00:00:00Z\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunLock.acquire(dir, RunDirectory.LOCK, "run"));
        assertTrue(e.getMessage().contains("other-machine"), e.getMessage());
    }

    @Test
    void twoConcurrentRunsOnOneDirectoryRecordOneRunOnce() throws Exception {
        Path out = dir.resolve("shared");
        Random rnd = new Random(5);
        float[][] x = new float[RunSessionTest.ROWS][2];
        int[] labels = new int[RunSessionTest.ROWS];
        for (int r = 0; r < x.length; r++) {
            x[r][0] = (float) rnd.nextGaussian();
            x[r][1] = (float) rnd.nextGaussian();
            labels[r] = r % 2;
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> runs = List.of(0, 1).stream().map(i -> pool.submit(() -> {
                RunSession s = RunSession.builder().measure(new BinnedInformation(FixedRangeDiscretizer.builder().bins(10).build()))
                        .outputDirectory(out).build();
                go.await();
                try {
                    for (int epoch = 0; epoch < 3; epoch++) {
                        ActivationSnapshot snap = RunSessionTest.forward(x, labels, epoch);
                        if (!s.started()) {
                            s.start(new RunStart(Probe.of(labels), Map.of(), Map.of(), null, Map.of(), Map.of()), snap);
                        }
                        s.submit(PendingSnapshot.of(snap));
                    }
                    s.close();
                    return "ok";
                } catch (IllegalArgumentException e) {
                    return e.getMessage();
                }
            })).toList();
            go.countDown();
            List<String> outcomes = List.of(runs.get(0).get(), runs.get(1).get());
            assertEquals(1, outcomes.stream().filter("ok"::equals).count(), outcomes.toString());
            String refused = outcomes.stream().filter(o -> !o.equals("ok")).findFirst().orElseThrow();
            // refused while the winner holds the lock (named by pid), or after it finished (its run is protected)
            assertTrue(refused.contains("in use") && refused.contains("pid " + ProcessHandle.current().pid()) || refused.contains("already holds a run"),
                    refused);
        } finally {
            pool.shutdownNow();
        }
        List<TrajectoryRecord> records = TrajectoryReader.read(new RunDirectory(out).trajectoryFile()).records();
        assertEquals(3 * 2, records.size(), "3 epochs x 2 layers, each once");
        assertFalse(Files.exists(out.resolve(RunDirectory.LOCK)));
    }
}
