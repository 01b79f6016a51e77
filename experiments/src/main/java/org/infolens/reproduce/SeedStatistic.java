package org.infolens.reproduce;

import java.util.function.ToDoubleFunction;

/**
 * A number computed from one seed's runs (the compression of a layer, a correlation over a sweep),
 * with what it is in words, for the table and claims.json. {@link RunStatistics} makes the common
 * ones; a claim of your own can give any function.
 */
public interface SeedStatistic {

    /** What the number is ("fall of I(X;T) from its peak, last hidden layer, bits"). */
    String description();

    /** The number for one seed; NaN when the runs do not have it (it is then left out, and claims.json says so). */
    double of(SeedRuns seed);

    static SeedStatistic of(String description, ToDoubleFunction<SeedRuns> function) {
        return new SeedStatistic() {
            @Override
            public String description() {
                return description;
            }

            @Override
            public double of(SeedRuns seed) {
                return function.applyAsDouble(seed);
            }

            @Override
            public String toString() {
                return description;
            }
        };
    }
}
