package org.infolens.reproduce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.infolens.run.RecordedRun;

/**
 * The runs of one seed a claim reads, by the role the claim gave each ({@code "tanh"}, {@code "l2"},
 * ...). Runs are loaded once, when first read.
 */
public final class SeedRuns {

    private final long seed;
    private final Map<String, Path> directories;
    private final Map<String, RecordedRun> loaded = new HashMap<>();

    public SeedRuns(long seed, Map<String, Path> directories) {
        this.seed = seed;
        this.directories = Map.copyOf(directories);
    }

    public long seed() {
        return seed;
    }

    /** The run directory of {@code role}. */
    public Path directory(String role) {
        Path p = directories.get(role);
        if (p == null) {
            throw new IllegalArgumentException("no run with role '" + role + "' (roles: " + directories.keySet() + ")");
        }
        return p;
    }

    /** The recorded run of {@code role} (its trajectory and run.json). */
    public RecordedRun run(String role) {
        return loaded.computeIfAbsent(role, r -> {
            try {
                return RecordedRun.load(directory(r));
            } catch (IOException e) {
                throw new UncheckedIOException(directory(r) + ": " + e.getMessage(), e);
            }
        });
    }
}
