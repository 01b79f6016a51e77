package org.infolens.experiments.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The image datasets the bundled experiments read, and where their files are looked for, in this
 * order: the {@code --data} directory; the dataset's environment variable; DL4J's cache layout under
 * the home directory; Debian's package location (Fashion-MNIST: {@code apt-get install
 * dataset-fashion-mnist}). Nothing is downloaded: DL4J's downloader lives in deeplearning4j-datasets,
 * which this project does not depend on, and these machines are offline. When no place has the files,
 * the error lists every place tried and what to put there.
 */
public enum KnownDataset {

    MNIST("mnist", "MNIST_DIR", ".deeplearning4j/data/MNIST", null, null),
    FASHION_MNIST("fashion-mnist", "FASHION_MNIST_DIR", ".deeplearning4j/data/fashion-mnist", "/usr/share/datasets/fashion-mnist",
            "dataset-fashion-mnist"),
    CIFAR10("cifar10", "CIFAR10_DIR", ".deeplearning4j/data/cifar10/cifar-10-batches-bin", null, null);

    private final String id;
    private final String environmentVariable;
    private final String cacheUnderHome;
    private final String systemDirectory;
    private final String debianPackage;

    KnownDataset(String id, String environmentVariable, String cacheUnderHome, String systemDirectory, String debianPackage) {
        this.id = id;
        this.environmentVariable = environmentVariable;
        this.cacheUnderHome = cacheUnderHome;
        this.systemDirectory = systemDirectory;
        this.debianPackage = debianPackage;
    }

    public String id() {
        return id;
    }

    public String environmentVariable() {
        return environmentVariable;
    }

    /** The training and test images; {@code train} is null where the directory holds only the test set. */
    public record Splits(ImageDataset train, ImageDataset test, Path directory) {
    }

    /** Finds the directory (see the class comment for the order) and reads it. */
    public Splits load(Path dataOption, Function<String, String> environment, Path home) throws IOException {
        return read(locate(dataOption, environment, home));
    }

    /** The first place that holds this dataset's test files; a clear error listing the places otherwise. */
    public Path locate(Path dataOption, Function<String, String> environment, Path home) {
        return locate(dataOption, environment, home, systemDirectory == null ? null : Path.of(systemDirectory));
    }

    /** As {@link #locate(Path, Function, Path)} with the system directory given (tests use one that does not exist). */
    Path locate(Path dataOption, Function<String, String> environment, Path home, Path system) {
        if (dataOption != null) {
            if (!holdsTestSet(dataOption)) {
                throw new MissingDatasetException(id, "--data " + dataOption + " has no " + id + " files: " + wanted());
            }
            return dataOption;
        }
        Map<String, Path> tried = new LinkedHashMap<>();
        String variable = environment.apply(environmentVariable);
        if (variable != null && !variable.isBlank()) {
            tried.put("$" + environmentVariable, Path.of(variable));
        }
        tried.put("DL4J's cache", home.resolve(cacheUnderHome));
        if (system != null) {
            tried.put("Debian's " + debianPackage, system);
        }
        for (Path p : tried.values()) {
            if (holdsTestSet(p)) {
                return p;
            }
        }
        List<String> places = new ArrayList<>();
        tried.forEach((what, p) -> places.add(p + " (" + what + ")"));
        throw new MissingDatasetException(id, "no " + id + " data found; looked in " + String.join(", ", places) + ". Put " + wanted()
                + " in one of them, or pass --data DIR, or set " + environmentVariable
                + (debianPackage != null ? "; on Debian: apt-get install " + debianPackage : ""));
    }

    private String wanted() {
        return this == CIFAR10 ? "test_batch.bin (and data_batch_1..5.bin for training)"
                : "t10k-images-idx3-ubyte(.gz) and t10k-labels-idx1-ubyte(.gz) (and train-images/train-labels for training)";
    }

    private boolean holdsTestSet(Path dir) {
        if (this == CIFAR10) {
            return Files.isRegularFile(dir.resolve("test_batch.bin"));
        }
        return idx(dir, "t10k-images-idx3-ubyte") != null && idx(dir, "t10k-labels-idx1-ubyte") != null;
    }

    private Splits read(Path dir) throws IOException {
        if (this == CIFAR10) {
            ImageDataset train = null;
            for (int b = 1; b <= 5; b++) {
                Path batch = dir.resolve("data_batch_" + b + ".bin");
                if (Files.isRegularFile(batch)) {
                    ImageDataset part = Cifar10Binary.read(batch);
                    train = train == null ? part : train.concat(part);
                }
            }
            return new Splits(train, Cifar10Binary.read(dir.resolve("test_batch.bin")), dir);
        }
        Path trainImages = idx(dir, "train-images-idx3-ubyte");
        Path trainLabels = idx(dir, "train-labels-idx1-ubyte");
        ImageDataset train = trainImages != null && trainLabels != null ? idxPair(trainImages, trainLabels) : null;
        return new Splits(train, idxPair(idx(dir, "t10k-images-idx3-ubyte"), idx(dir, "t10k-labels-idx1-ubyte")), dir);
    }

    private ImageDataset idxPair(Path images, Path labels) throws IOException {
        IdxFile.Images x = IdxFile.readImages(images);
        int[] y = IdxFile.readLabels(labels);
        if (y.length != x.count()) {
            throw new IOException(images + " has " + x.count() + " images but " + labels + " has " + y.length + " labels");
        }
        for (int i = 0; i < y.length; i++) {
            if (y[i] > 9) {
                throw new IOException(labels + ": label " + y[i] + " at " + i + " (expected 0-9)");
            }
        }
        return new ImageDataset(id, x.pixels(), y, x.width(), 10, images.getParent().toString());
    }

    /** name.gz or name in {@code dir}, or null. */
    private static Path idx(Path dir, String name) {
        for (String candidate : List.of(name + ".gz", name)) {
            if (Files.isRegularFile(dir.resolve(candidate))) {
                return dir.resolve(candidate);
            }
        }
        return null;
    }
}
