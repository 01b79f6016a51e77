package org.infolens.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreesTest {

    @TempDir
    Path dir;

    @Test
    void aTreeGoesWholeAndALinkInItTakesNothingOfWhatItPointsTo() throws Exception {
        Path other = Files.createDirectories(dir.resolve("other-run"));
        Files.writeString(other.resolve("trajectory.jsonl"), "{}\n");
        Path tree = Files.createDirectories(dir.resolve("tree/a/b"));
        Files.writeString(tree.resolve("x.npy"), "x");
        Files.createSymbolicLink(dir.resolve("tree/a/link"), other);
        Files.createSymbolicLink(dir.resolve("tree/file-link"), other.resolve("trajectory.jsonl"));

        FileTrees.delete(dir.resolve("tree"));

        assertFalse(Files.exists(dir.resolve("tree")));
        assertEquals("{}\n", Files.readString(other.resolve("trajectory.jsonl")), "the linked run is untouched");
        FileTrees.delete(dir.resolve("tree")); // gone already: fine
    }

    @Test
    void aLinkGivenAsTheRootIsRemovedNotFollowed() throws Exception {
        Path target = Files.createDirectories(dir.resolve("target"));
        Files.writeString(target.resolve("keep"), "k");
        Path link = Files.createSymbolicLink(dir.resolve("link"), target);

        FileTrees.delete(link);

        assertFalse(Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.exists(target.resolve("keep")));
    }
}
