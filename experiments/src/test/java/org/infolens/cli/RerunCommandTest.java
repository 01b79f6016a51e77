package org.infolens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.infolens.run.RunDirectory;
import org.infolens.trajectory.TrajectoryReader;
import org.infolens.trajectory.TrajectoryRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RerunCommandTest {

    @TempDir
    Path dir;

    /** A 12-bit run with measures of several families (one with a wrapper) trains again to the same values from run.json alone. */
    @Test
    void aRunLaunchedAgainFromItsRunJsonRecordsTheSameValues() throws IOException {
        Path first = dir.resolve("first");
        InfolensCliTest.Result r = InfolensCliTest.run("run", "ib12", "--epochs", "12", "--points", "4", "--seed", "7", "--activation", "relu",
                "--quiet", "--out", first.toString(), "--measure", "binning:edges=global-minmax", "--measure", "kde:probeRows=800",
                "--measure", "ksg:k=4,probeRows=500");
        assertEquals(0, r.exit(), r.err());
        Path again = dir.resolve("again");
        InfolensCliTest.Result rerun = InfolensCliTest.run("rerun", first.toString(), "--out", again.toString());
        assertEquals(0, rerun.exit(), rerun.err() + rerun.out());
        assertTrue(rerun.out().contains("(reproduced)"), rerun.out());

        List<TrajectoryRecord> a = TrajectoryReader.read(new RunDirectory(first).trajectoryFile()).records();
        List<TrajectoryRecord> b = TrajectoryReader.read(new RunDirectory(again).trajectoryFile()).records();
        assertEquals(a.size(), b.size());
        assertTrue(a.size() > 20, "records: " + a.size());
        for (int i = 0; i < a.size(); i++) {
            assertTrue(RerunCommand.sameValues(a.get(i), b.get(i)), a.get(i) + " -> " + b.get(i));
        }
        assertEquals(new RunDirectory(first).readProvenance().measures(), new RunDirectory(again).readProvenance().measures());
    }

    @Test
    void aDirectoryWithoutALaunchIsOneLineAndExitTwo() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        InfolensCliTest.Result r = InfolensCliTest.run("rerun", empty.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("run.json"), r.err());
    }
}
