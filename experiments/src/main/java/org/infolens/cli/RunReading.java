package org.infolens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.infolens.run.RecordedRun;

/** How plot, report and compare read a run directory: bad input fails with one line, what the reader left out is a warning on stderr. */
final class RunReading {

    private RunReading() {
    }

    static RecordedRun load(Path run, PrintWriter err) throws IOException {
        RecordedRun r = RecordedRun.load(run);
        r.warnings().forEach(w -> err.println("warning: " + r.name() + ": " + w));
        return r;
    }
}
