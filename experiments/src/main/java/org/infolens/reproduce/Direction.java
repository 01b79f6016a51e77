package org.infolens.reproduce;

import org.apache.commons.statistics.inference.AlternativeHypothesis;

/** Which way a paper says a statistic goes, against a threshold. */
public enum Direction {
    /** The statistic exceeds the threshold. */
    GREATER(AlternativeHypothesis.GREATER_THAN, ">"),
    /** The statistic stays below the threshold. */
    LESS(AlternativeHypothesis.LESS_THAN, "<");

    private final AlternativeHypothesis alternative;
    private final String symbol;

    Direction(AlternativeHypothesis alternative, String symbol) {
        this.alternative = alternative;
        this.symbol = symbol;
    }

    AlternativeHypothesis alternative() {
        return alternative;
    }

    /** The other way: the test that a claim is contradicted. */
    Direction opposite() {
        return this == GREATER ? LESS : GREATER;
    }

    public String symbol() {
        return symbol;
    }
}
