package org.infolens.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.infolens.figure.RunFigures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordedRunTest {

    @TempDir
    Path dir;

    @Test
    void missingDirectoryAndMissingTrajectorySayWhatIsMissing() throws IOException {
        IOException e = assertThrows(IOException.class, () -> RecordedRun.load(dir.resolve("absent")));
        assertTrue(e.getMessage().contains("absent") && e.getMessage().contains("no such run directory"), e.getMessage());
        Files.createDirectories(dir.resolve("empty-dir"));
        e = assertThrows(IOException.class, () -> RecordedRun.load(dir.resolve("empty-dir")));
        assertTrue(e.getMessage().contains("trajectory.jsonl") && e.getMessage().contains("no trajectory"), e.getMessage());
    }

    @Test
    void anEmptyTrajectoryIsNotARun() throws IOException {
        Files.createDirectories(dir.resolve("r"));
        Files.writeString(dir.resolve("r/trajectory.jsonl"), "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecordedRun.load(dir.resolve("r")));
        assertTrue(e.getMessage().contains("has no complete record (an empty file"), e.getMessage());
        Files.writeString(dir.resolve("r/trajectory.jsonl"), "{\"schema\":1,\"run\":\"x\",\"ep"); // one line, cut off
        e = assertThrows(IllegalArgumentException.class, () -> RecordedRun.load(dir.resolve("r")));
        assertTrue(e.getMessage().contains("line 1 is cut off"), e.getMessage());
    }

    @Test
    void aTruncatedTrajectoryStillDrawsWhatItHas() throws IOException {
        RecordedRun whole = SyntheticRun.write(dir.resolve("r"));
        Path f = whole.directory().trajectoryFile();
        String text = Files.readString(f);
        Files.writeString(f, text.substring(0, text.length() - 30)); // a crash mid-write
        RecordedRun cut = RecordedRun.load(dir.resolve("r"));
        assertEquals(whole.records().size() - 1, cut.records().size());
        assertEquals(1, cut.warnings().size());
        assertTrue(cut.warnings().get(0).contains("is cut off"), cut.warnings().get(0));
        assertEquals(6, RunFigures.draw(cut.directory()).size(), "three figures, PNG and SVG");
    }

    @Test
    void aNewerSchemaAsksForANewerInfolens() throws IOException {
        RecordedRun run = SyntheticRun.write(dir.resolve("r"));
        Path f = run.directory().trajectoryFile();
        Files.writeString(f, Files.readString(f).replaceFirst("\"schema\":2", "\"schema\":7"));
        IOException e = assertThrows(IOException.class, () -> RecordedRun.load(dir.resolve("r")));
        assertTrue(e.getMessage().contains("schema 7, newer than this infolens reads (2); update infolens"), e.getMessage());
    }

    @Test
    void labelsFollowTheRunsMeasureOrderAndRunJsonIsOptional() throws IOException {
        RecordedRun run = SyntheticRun.write(dir.resolve("r"), SyntheticRun.records(), List.of(SyntheticRun.DSE, SyntheticRun.KDE), Map.of());
        assertEquals(List.of(SyntheticRun.DSE, SyntheticRun.KDE, SyntheticRun.BINNING, "training"), run.labels());
        assertEquals("r", run.name());
        Files.delete(run.directory().provenanceFile());
        RecordedRun bare = RecordedRun.load(dir.resolve("r"));
        assertEquals("synthetic", bare.name(), "the trajectory's run name");
        assertEquals(List.of("no run.json: provenance unknown"), bare.warnings());
        assertEquals(List.of(SyntheticRun.BINNING, SyntheticRun.KDE, SyntheticRun.DSE, "training"), bare.labels());
    }
}
