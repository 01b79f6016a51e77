package org.infolens.measure;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The unit of an estimator's output value, as records write it: "bits", "nats", "count", "number". */
public enum Unit {
    /** Information in bits: every entropy and mutual information infolens reports. */
    BITS,
    /** Information in nats. */
    NATS,
    /** A number of things, possibly fractional: effective features, effective rank, a dimension. */
    COUNT,
    /** A plain number: a ratio, a loss, an accuracy, a condition number. */
    NUMBER;

    @JsonValue
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Unit of(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
