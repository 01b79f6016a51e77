package org.infolens.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetAsideRunTest {

    @TempDir
    Path dir;

    private Path earlierRun() throws IOException {
        Path run = dir.resolve("run");
        Files.createDirectories(run.resolve("figures"));
        Files.writeString(run.resolve("run.json"), "earlier");
        Files.writeString(run.resolve("figures/plane.svg"), "<svg/>");
        return run;
    }

    @Test
    void movesTheWholeRunAsideAndDiscardsItOnceTheNewRunHasFinished() throws IOException {
        Path run = earlierRun();
        SetAsideRun aside = SetAsideRun.move(run, dir.resolve(".replaced/run.1"));
        assertFalse(Files.exists(run), "the run's path is free for the new run");
        assertEquals("earlier", Files.readString(aside.aside().resolve("run.json")));
        assertTrue(Files.exists(aside.aside().resolve("figures/plane.svg")), "moved whole");
        Files.createDirectories(run);
        Files.writeString(run.resolve("run.json"), "new");
        aside.discard();
        assertFalse(Files.exists(aside.aside()));
        assertEquals("new", Files.readString(run.resolve("run.json")), "the new run is untouched");
    }

    @Test
    void putsTheEarlierRunBackOverWhatAnUnfinishedRunLeft() throws IOException {
        Path run = earlierRun();
        SetAsideRun aside = SetAsideRun.move(run, dir.resolve(".replaced/run.1"));
        Files.createDirectories(run);
        Files.writeString(run.resolve("partial.jsonl"), "half");
        aside.putBack();
        assertEquals("earlier", Files.readString(run.resolve("run.json")));
        assertTrue(Files.exists(run.resolve("figures/plane.svg")));
        assertFalse(Files.exists(run.resolve("partial.jsonl")), "nothing of the unfinished run is mixed in");
        assertFalse(Files.exists(aside.aside()));
    }

    @Test
    void putsTheEarlierRunBackWhenTheNewRunLeftNothing() throws IOException {
        Path run = earlierRun();
        SetAsideRun.move(run, dir.resolve(".replaced/run.1")).putBack();
        assertEquals("earlier", Files.readString(run.resolve("run.json")));
    }
}
