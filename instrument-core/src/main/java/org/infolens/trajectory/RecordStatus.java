package org.infolens.trajectory;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What became of one (epoch, layer, measure). */
public enum RecordStatus {
    /** Estimated: values holds the estimates. */
    OK,
    /** Not estimated: message says why (bad input such as NaN activations, an estimator failure). */
    ERROR,
    /** Not estimated because the measurement queue was full (the skip back-pressure policy). */
    SKIPPED;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
