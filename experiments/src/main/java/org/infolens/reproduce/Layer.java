package org.infolens.reproduce;

import java.util.Comparator;
import java.util.List;
import org.infolens.data.LayerId;

/** Which layer of a run a statistic or curve reads, chosen by its place in the network. */
public enum Layer {
    /** The hidden layer nearest the output (the penultimate layer). */
    LAST_HIDDEN("last hidden layer"),
    /** The output layer. */
    OUTPUT("output layer");

    private final String text;

    Layer(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** This layer among a run's recorded layers; an error naming what was there when it has none. */
    LayerId pick(List<LayerId> layers) {
        Comparator<LayerId> byIndex = Comparator.comparingInt(LayerId::index);
        return switch (this) {
            case OUTPUT -> layers.stream().filter(l -> l.kind().isOutput()).max(byIndex)
                    .orElseThrow(() -> new IllegalArgumentException("no output layer among " + layers));
            case LAST_HIDDEN -> layers.stream().filter(l -> !l.kind().isOutput()).max(byIndex)
                    .orElseThrow(() -> new IllegalArgumentException("no hidden layer among " + layers));
        };
    }
}
