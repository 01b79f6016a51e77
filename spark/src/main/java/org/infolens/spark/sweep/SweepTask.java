package org.infolens.spark.sweep;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.infolens.io.FileTrees;
import org.infolens.run.RunDirectory;
import org.infolens.run.RunLock;
import org.infolens.run.RunStatus;

/**
 * A sweep's Spark task: one run, written where no reader looks
 * ({@code OUT/.partial/NAME.UUID/NAME}, the run's own name so that its records name it) and renamed
 * to {@code OUT/NAME} in one step once run.json says finished. A run already finished there (an
 * earlier sweep, or another attempt of this task) is not run again; a failed attempt's directory is
 * deleted and never counts.
 *
 * @param experiment the experiment
 * @param out        the sweep's output directory, as the executors see it
 * @param launcher   how the run is run ({@link RunLauncher#RUN})
 */
record SweepTask(String experiment, String out, RunLauncher launcher) implements Function<SweepRun, TaskResult>, Serializable {

    private static final long serialVersionUID = 1L;

    /** Where attempts write until they finish. */
    static final String PARTIAL = ".partial";

    @Override
    public TaskResult call(SweepRun run) throws IOException {
        TaskContext context = TaskContext.get();
        int attempt = context == null ? 0 : context.attemptNumber();
        Path target = Path.of(out, run.name());
        if (finished(target)) {
            return new TaskResult(run.name(), run.seed(), false, attempt + 1, 0, RunLock.host());
        }
        Path attemptDir = Path.of(out, PARTIAL, run.name() + "." + UUID.randomUUID());
        Path partial = attemptDir.resolve(run.name());
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(attemptDir);
            launcher.launch(experiment, run.arguments(), partial);
            if (!finished(partial)) {
                throw new IOException("run " + run.name() + " ended without run.json saying finished (" + partial + ")");
            }
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                if (!finished(target)) { // only a finished run is ever renamed there: anything else is not ours
                    throw new IOException(target + " appeared during the run and is not a finished run; the run is left at " + partial, e);
                }
                // another attempt of this run finished first (a speculative or retried copy): it counts, this one is dropped
            }
        } finally {
            FileTrees.delete(attemptDir);
        }
        return new TaskResult(run.name(), run.seed(), true, attempt + 1, (System.nanoTime() - t0) / 1e9, RunLock.host());
    }

    /** Whether {@code dir} holds a finished run (run.json readable and finished). */
    static boolean finished(Path dir) {
        RunDirectory rd = new RunDirectory(dir);
        if (!Files.isRegularFile(rd.provenanceFile())) {
            return false;
        }
        try {
            return rd.readProvenance().status() == RunStatus.FINISHED;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
