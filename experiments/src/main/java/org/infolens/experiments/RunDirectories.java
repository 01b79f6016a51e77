package org.infolens.experiments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Where a run writes: a fresh directory, never mixing two runs in one trajectory. */
final class RunDirectories {

    private RunDirectories() {
    }

    /**
     * {@code out} when given (it must not hold files unless {@code overwrite}, which empties it);
     * otherwise runs/{@code name}, or runs/{@code name}-2, -3, ... when taken.
     */
    static Path choose(Path out, String name, boolean overwrite) throws IOException {
        if (out != null) {
            if (Files.exists(out) && !isEmptyDirectory(out)) {
                if (!overwrite) {
                    throw new IllegalArgumentException("run directory " + out + " already exists and is not empty; choose another --out or add --overwrite");
                }
                deleteContents(out);
            }
            return out;
        }
        Path base = Path.of("runs", name);
        Path candidate = base;
        for (int i = 2; Files.exists(candidate) && !isEmptyDirectory(candidate); i++) {
            candidate = Path.of("runs", name + "-" + i);
        }
        return candidate;
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static void deleteContents(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " exists and is not a directory");
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        }
    }
}
