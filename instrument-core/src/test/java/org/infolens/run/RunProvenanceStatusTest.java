package org.infolens.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run.json's pid and host tell a running run from a dead one; resuming lists itself and runs again. */
class RunProvenanceStatusTest {

    @TempDir
    Path dir;

    private static RunProvenance withProcess(RunProvenance p, long pid, String host) {
        Map<String, Object> env = new LinkedHashMap<>(p.environment());
        env.put("pid", pid);
        env.put("host", host);
        return new RunProvenance(p.schema(), p.name(), p.status(), p.infolens(), p.startedAt(), p.finishedAt(), env, p.framework(),
                p.network(), p.dataset(), p.probe(), p.seeds(), p.measures(), p.recording(), p.settings(), p.launch(), p.summary());
    }

    @Test
    void aRunningRunWhoseProcessIsGoneIsDeadAndOnlyThen() throws Exception {
        RunProvenance mine = RunProvenance.started("r", Instant.now());
        assertEquals(ProcessHandle.current().pid(), ((Number) mine.environment().get("pid")).longValue());
        assertFalse(mine.processGone(), "this process runs");

        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        RunProvenance dead = withProcess(mine, p.pid(), RunLock.host());
        RunDirectory d = new RunDirectory(dir);
        d.writeProvenance(dead); // as a reader finds it: numbers come back as ints or longs
        RunProvenance read = d.readProvenance();
        assertTrue(read.processGone());
        assertTrue(read.statusText().startsWith("dead"), read.statusText());

        assertFalse(withProcess(mine, p.pid(), "another-host").processGone(), "another host's process cannot be checked");
        assertFalse(dead.finish(RunStatus.INTERRUPTED, Instant.now(), Map.of()).processGone(), "an ended run is not dead");
        assertEquals("interrupted", dead.finish(RunStatus.INTERRUPTED, Instant.now(), Map.of()).statusText());

        RunProvenance resumed = read.finish(RunStatus.INTERRUPTED, Instant.now(), Map.of("okRecords", 3)).resumed(7, Instant.now());
        assertEquals(RunStatus.RUNNING, resumed.status());
        assertEquals(null, resumed.finishedAt());
        assertEquals(null, resumed.summary());
        assertFalse(resumed.processGone(), "the resuming process is this one");
        assertEquals(7, ((Map<?, ?>) ((java.util.List<?>) resumed.recording().get("resumed")).get(0)).get("fromEpoch"));
    }
}
