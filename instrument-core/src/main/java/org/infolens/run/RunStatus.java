package org.infolens.run;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a run stands, as run.json writes it ({@code status}). */
public enum RunStatus {
    /** Recording: run.json was written at the first recorded epoch and the run has not ended. */
    RUNNING,
    /** Closed: every queued estimate was written and the summary is in run.json. */
    FINISHED,
    /** Ended by an error before it finished. */
    FAILED,
    /** Stopped by SIGINT or SIGTERM (Ctrl-C, kill): what was queued was measured and written, then the process ended. */
    INTERRUPTED;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status run.json wrote; an unknown one is bad input named in one line. */
    @JsonCreator
    public static RunStatus fromJson(String text) {
        for (RunStatus s : values()) {
            if (s.json().equals(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown run status '" + text + "' in run.json (written by a newer infolens?)");
    }
}
