package org.infolens.dl4j;

import java.util.Arrays;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which epochs to record. Epochs are counted as completed training epochs: 1 after the first epoch
 * (0 is before training, recorded only when asked). The published schedules were written for
 * Keras's 0-based epoch index at epoch end; index i there is completed epoch i + 1 here.
 */
public interface EpochSchedule {

    /** Whether to record after {@code completedEpochs} epochs (>= 1). */
    boolean shouldRecord(int completedEpochs);

    /** One line for run.json and toString(). */
    String describe();

    /** The recorded epochs among 1..{@code totalEpochs}. */
    default SortedSet<Integer> epochsUpTo(int totalEpochs) {
        SortedSet<Integer> s = new TreeSet<>();
        for (int e = 1; e <= totalEpochs; e++) {
            if (shouldRecord(e)) {
                s.add(e);
            }
        }
        return s;
    }

    static EpochSchedule everyEpoch() {
        return every(1);
    }

    /** Epochs n, 2n, 3n, ... */
    static EpochSchedule every(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("record every n epochs needs n >= 1, got " + n);
        }
        return new Every(n);
    }

    /**
     * The log-spaced grid of Shwartz-Ziv and Tishby's code: unique(floor(logspace(0, log2 E, K, base
     * 2))) - 1 as 0-based indices, i.e. completed epochs unique(floor(2^(k log2 E / (K - 1)))). As in
     * numpy, the grid often ends at E - 1 (2^log2(E) rounds just below E): the original code never
     * recorded its final epoch for E = 10000. Where numpy's vectorised pow and Java's differ by an ulp
     * at an integer, the last epoch can differ too (about 1 in 100 values of E; numpy's own result
     * there depends on the CPU).
     */
    static EpochSchedule logSpaced(int totalEpochs, int points) {
        if (totalEpochs < 1 || points < 2) {
            throw new IllegalArgumentException("a log-spaced schedule needs totalEpochs >= 1 and points >= 2, got "
                    + totalEpochs + " and " + points);
        }
        SortedSet<Integer> s = new TreeSet<>();
        double stop = CorrectlyRoundedLog2.log2(totalEpochs);
        double step = stop / (points - 1);
        for (int k = 0; k < points; k++) {
            double exponent = k == points - 1 ? stop : k * step; // numpy linspace, endpoint exact
            s.add((int) Math.floor(Math.pow(2, exponent)));
        }
        return new Explicit(s, "log-spaced: " + points + " points over " + totalEpochs + " epochs (" + s.size() + " distinct)");
    }

    /**
     * The schedule of Saxe et al.'s code (0-based epoch i): every epoch while i < 20, every 5th while
     * i < 100, every 20th while i < 2000, then every 100th.
     */
    static EpochSchedule saxe() {
        return new Saxe();
    }

    /** Exactly these completed epochs. */
    static EpochSchedule at(int... epochs) {
        SortedSet<Integer> s = new TreeSet<>();
        for (int e : epochs) {
            if (e < 1) {
                throw new IllegalArgumentException("recorded epochs are counted from 1 (completed epochs), got " + e);
            }
            s.add(e);
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("an explicit schedule needs at least one epoch");
        }
        return new Explicit(s, "epochs " + Arrays.toString(s.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** Every n-th epoch. */
    record Every(int n) implements EpochSchedule {
        @Override
        public boolean shouldRecord(int completedEpochs) {
            return completedEpochs % n == 0;
        }

        @Override
        public String describe() {
            return n == 1 ? "every epoch" : "every " + n + " epochs";
        }
    }

    /** Saxe et al.'s piecewise rule, on the 0-based index of the completed epoch. */
    record Saxe() implements EpochSchedule {
        @Override
        public boolean shouldRecord(int completedEpochs) {
            int i = completedEpochs - 1;
            if (i < 20) {
                return true;
            }
            if (i < 100) {
                return i % 5 == 0;
            }
            if (i < 2000) {
                return i % 20 == 0;
            }
            return i % 100 == 0;
        }

        @Override
        public String describe() {
            return "Saxe et al.: all of the first 20 epochs, every 5th to 100, every 20th to 2000, then every 100th";
        }
    }

    /** A fixed set of epochs. */
    record Explicit(SortedSet<Integer> epochs, String description) implements EpochSchedule {
        public Explicit {
            epochs = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(epochs));
        }

        @Override
        public boolean shouldRecord(int completedEpochs) {
            return epochs.contains(completedEpochs);
        }

        @Override
        public String describe() {
            return description;
        }
    }
}
