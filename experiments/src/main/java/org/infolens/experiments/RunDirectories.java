package org.infolens.experiments;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.infolens.run.RunDirectory;
import org.infolens.run.RunLock;
import org.infolens.run.SetAsideRun;

/** Where a run writes: a fresh directory, never mixing two runs in one trajectory. */
final class RunDirectories {

    private RunDirectories() {
    }

    /** A directory chosen for a run and, with {@code --overwrite}, the earlier run moved aside whole (else null). */
    record Chosen(Path directory, SetAsideRun replaced) {
    }

    /**
     * {@code out} when given (it must not hold files unless {@code overwrite}); otherwise runs/{@code name},
     * or runs/{@code name}-2, -3, ... when taken. With {@code overwrite} the earlier run is renamed (one atomic step) to a
     * hidden sibling ({@link SetAsideRun}), which the caller discards once the new run has finished. Refuses a symbolic link (it would write into whatever
     * run it points to) and, with {@code overwrite}, a directory that does not hold an infolens run.
     */
    static Chosen prepare(Path out, String name, boolean overwrite) throws IOException {
        if (out != null) {
            if (Files.isSymbolicLink(out)) {
                throw new IllegalArgumentException("--out " + out + " is a symbolic link (to " + Files.readSymbolicLink(out)
                        + "); give the directory it points to, or another --out");
            }
            if (Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
                RunLock.check(out, RunDirectory.LOCK); // a run still writing there: name it, replace nothing
            }
            if (Files.exists(out, LinkOption.NOFOLLOW_LINKS) && !isEmptyDirectory(out)) {
                if (!overwrite) {
                    throw new IllegalArgumentException("run directory " + out + " already exists and is not empty; choose another --out or add --overwrite");
                }
                requireRun(out);
                return new Chosen(out, moveAside(out));
            }
            return new Chosen(out, null);
        }
        Path base = Path.of("runs", name);
        Path candidate = base;
        for (int i = 2; Files.exists(candidate, LinkOption.NOFOLLOW_LINKS) && !isEmptyDirectory(candidate); i++) {
            candidate = Path.of("runs", name + "-" + i);
        }
        return new Chosen(candidate, null);
    }

    /** --overwrite replaces runs only: a directory with a run.json infolens reads, and nothing that is not a run's. */
    private static void requireRun(Path dir) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("--overwrite: " + dir + " exists and is not a directory; nothing was deleted");
        }
        RunDirectory run = new RunDirectory(dir);
        try {
            if (!Files.isRegularFile(run.provenanceFile(), LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalArgumentException("--overwrite: " + dir + " holds no run.json, so it is not an infolens run;"
                        + " nothing was deleted (choose another --out)");
            }
            var p = run.readProvenance();
            if (p.status() == null || p.startedAt() == null) {
                throw new IllegalArgumentException("no status or startedAt");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException && e.getMessage().startsWith("--overwrite")) {
                throw (IllegalArgumentException) e;
            }
            throw new IllegalArgumentException("--overwrite: " + run.provenanceFile() + " is not an infolens run.json ("
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + "); nothing was deleted", e);
        }
    }

    /** Renames {@code dir} to a fresh hidden sibling in one step; the caller then writes a new run at {@code dir}. */
    private static SetAsideRun moveAside(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null) {
            throw new IllegalArgumentException("--overwrite: cannot replace the root directory " + dir);
        }
        Path aside;
        int i = 0;
        do {
            aside = parent.resolve("." + abs.getFileName() + ".replaced-" + ProcessHandle.current().pid() + (i++ == 0 ? "" : "-" + i));
        } while (Files.exists(aside, LinkOption.NOFOLLOW_LINKS));
        try {
            return SetAsideRun.move(abs, aside);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IllegalArgumentException("--overwrite: cannot rename " + dir + " in one step (" + e.getMessage() + "); nothing was deleted", e);
        }
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
