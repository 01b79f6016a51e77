package org.infolens.trajectory;

/**
 * Where records go: a JSON Lines file, memory, or anything else. Called from the measurement worker
 * and (for skipped epochs) from the training thread, so implementations must be thread-safe.
 */
public interface TrajectorySink extends AutoCloseable {

    void accept(TrajectoryRecord record);

    /** Releases resources; records accepted before stay where they went. */
    @Override
    default void close() {
    }
}
