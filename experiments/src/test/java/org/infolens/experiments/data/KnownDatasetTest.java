package org.infolens.experiments.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where datasets are found, in order, what the error says when they are not, and the CIFAR-10 reader on hand-made records. */
class KnownDatasetTest {

    @TempDir
    Path dir;

    @Test
    void dataOptionThenEnvironmentThenDl4jCache() throws IOException {
        Path option = dir.resolve("option");
        Path variable = dir.resolve("variable");
        Path home = dir.resolve("home");
        Path cache = home.resolve(".deeplearning4j/data/MNIST");
        for (Path p : new Path[] {option, variable, cache}) {
            SyntheticImages.writeIdx(p, "t10k", 20, 1);
        }
        Map<String, String> env = Map.of("MNIST_DIR", variable.toString());
        assertEquals(option, KnownDataset.MNIST.locate(option, env::get, home));
        assertEquals(variable, KnownDataset.MNIST.locate(null, env::get, home));
        assertEquals(cache, KnownDataset.MNIST.locate(null, Map.<String, String>of()::get, home));
    }

    @Test
    void nothingFoundSaysWhereToPutWhichFiles() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KnownDataset.FASHION_MNIST.locate(null, Map.of("FASHION_MNIST_DIR", dir.resolve("nowhere").toString())::get, dir,
                        dir.resolve("usr/share/datasets/fashion-mnist")));
        String m = e.getMessage();
        assertTrue(m.contains(dir.resolve("nowhere").toString()) && m.contains(".deeplearning4j/data/fashion-mnist")
                && m.contains("usr/share/datasets/fashion-mnist (Debian's dataset-fashion-mnist)") && m.contains("t10k-images-idx3-ubyte")
                && m.contains("apt-get install dataset-fashion-mnist"), m);
        IllegalArgumentException option = assertThrows(IllegalArgumentException.class,
                () -> KnownDataset.MNIST.locate(dir, Map.<String, String>of()::get, dir));
        assertTrue(option.getMessage().startsWith("--data " + dir), option.getMessage());
    }

    @Test
    void readsTestAloneOrTrainAndTest() throws IOException {
        int[] test = SyntheticImages.writeIdx(dir, "t10k", 30, 2);
        KnownDataset.Splits only = KnownDataset.MNIST.load(dir, Map.<String, String>of()::get, dir);
        assertNull(only.train());
        assertArrayEquals(test, only.test().labels());
        assertEquals(784, only.test().width());
        int[] train = SyntheticImages.writeIdx(dir, "train", 50, 3);
        KnownDataset.Splits both = KnownDataset.MNIST.load(dir, Map.<String, String>of()::get, dir);
        assertArrayEquals(train, both.train().labels());
        assertEquals(50 * 784, both.train().pixels().length);
    }

    @Test
    void cifarRecordsAreReadChannelFirstAndBatchesJoined() throws IOException {
        Files.write(dir.resolve("data_batch_1.bin"), SyntheticImages.cifarRecords(new int[] {3, 9}));
        Files.write(dir.resolve("data_batch_2.bin"), SyntheticImages.cifarRecords(new int[] {0}));
        Files.write(dir.resolve("test_batch.bin"), SyntheticImages.cifarRecords(new int[] {5, 1, 2}));
        KnownDataset.Splits s = KnownDataset.CIFAR10.load(null, Map.of("CIFAR10_DIR", dir.toString())::get, dir.resolve("home"));
        assertArrayEquals(new int[] {3, 9, 0}, s.train().labels());
        assertArrayEquals(new int[] {5, 1, 2}, s.test().labels());
        ImageDataset t = s.test();
        assertEquals(3072, t.width());
        // record 1 (label 1): green plane (channel 1), row 2, column 5 is flat index 1024 + 2 * 32 + 5
        int i = 1024 + 2 * 32 + 5;
        assertEquals(((i * 7 + 1) % 256) / 255f, t.pixels()[3072 + i]);
    }

    @Test
    void truncatedOrMislabelledCifarFilesAreNamed() throws IOException {
        byte[] two = SyntheticImages.cifarRecords(new int[] {1, 2});
        Path truncated = dir.resolve("test_batch.bin");
        Files.write(truncated, Arrays.copyOf(two, two.length - 100));
        IOException t = assertThrows(IOException.class, () -> Cifar10Binary.read(truncated));
        assertTrue(t.getMessage().contains(truncated.toString()) && t.getMessage().contains("whole number"), t.getMessage());
        two[Cifar10Binary.RECORD] = 12;
        Files.write(truncated, two);
        IOException label = assertThrows(IOException.class, () -> Cifar10Binary.read(truncated));
        assertTrue(label.getMessage().contains("record 1 has label 12"), label.getMessage());
    }
}
