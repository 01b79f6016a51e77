package org.infolens.reproduce;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Makes the runs of one {@link RunSpec}, one per seed, each into its own directory. {@link InProcessRunner}
 * trains them one after another in this JVM, as {@code ./infolens run --seeds} does; a distributed
 * sweep can stand in for it.
 */
public interface SeedRunner {

    /**
     * Runs {@code experiment} with {@code options} once per seed ({@code --seed S} added), the run of
     * {@code seeds.get(i)} into {@code directories.get(i)}. A missing dataset is a
     * {@link org.infolens.experiments.data.MissingDatasetException} before anything is written.
     */
    void run(String experiment, List<String> options, List<Long> seeds, List<Path> directories) throws IOException;
}
