package org.infolens.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.infolens.io.FileTrees;

/**
 * A run directory renamed out of the way in one atomic step while a new run is written at its path: it is whole
 * either at {@code original} or at {@code aside}, never half deleted. Once the new run has finished it is
 * {@linkplain #discard discarded}; when the new run did not finish it is {@linkplain #putBack put back}. Used by
 * {@code run --overwrite} and by {@code reproduce --master}.
 *
 * @param original where the run was, and where the new run is written
 * @param aside    where it waits meanwhile
 */
public record SetAsideRun(Path original, Path aside) {

    /**
     * Renames {@code original} to {@code aside} in one step (creating {@code aside}'s parent).
     *
     * @throws java.nio.file.AtomicMoveNotSupportedException when the file system cannot rename it in one step; nothing moved then
     */
    public static SetAsideRun move(Path original, Path aside) throws IOException {
        Files.createDirectories(aside.getParent());
        Files.move(original, aside, StandardCopyOption.ATOMIC_MOVE);
        return new SetAsideRun(original, aside);
    }

    /**
     * Deletes the run set aside, without following links out of it. A deletion that fails leaves it aside, named in
     * the exception, and never at the new run's path.
     */
    public void discard() throws IOException {
        try {
            FileTrees.delete(aside);
        } catch (IOException e) {
            throw new IOException("the earlier run, moved aside to " + aside + ", could not be deleted: " + e.getMessage(), e);
        }
    }

    /** Deletes what the unfinished new run left at {@code original} and renames the earlier run back there in one step. */
    public void putBack() throws IOException {
        FileTrees.delete(original);
        Files.move(aside, original, StandardCopyOption.ATOMIC_MOVE);
    }
}
