package org.infolens.experiments.data;

/**
 * A dataset an experiment needs is not on disk: the message names the dataset, every place looked in
 * and what to put there. Code that runs several experiments (reproduce) tells this apart from a bad
 * option, skips what needs the data and goes on with the rest.
 */
public final class MissingDatasetException extends IllegalArgumentException {

    private final String dataset;

    public MissingDatasetException(String dataset, String message) {
        super(message);
        this.dataset = dataset;
    }

    /** The dataset's id ("mnist", "fashion-mnist", "cifar10"). */
    public String dataset() {
        return dataset;
    }
}
