package org.infolens.reproduce;

import java.util.Locale;

/** What the seeds say of a claim. */
public enum Verdict {
    /** The test rejects its null in the paper's direction. */
    REPRODUCED,
    /** The seeds contradict the paper (significant the other way), or show no effect with enough seeds to see one. */
    NOT_REPRODUCED,
    /** Too few seeds for the test to decide either way. */
    INCONCLUSIVE,
    /** The claim's runs could not be made (a missing dataset, a failed run): no statistic. */
    NOT_RUN;

    /** "reproduced", "not reproduced", ... as the table and claims.json write it. */
    public String text() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
