package org.infolens.session;

import java.io.IOException;
import org.infolens.run.RunDirectory;

/**
 * Work a run session does when it closes, after every estimate is written and run.json is finished:
 * drawing the figures ({@code RunFigures::draw}, which needs JFreeChart on the class path), writing a
 * report. A failing hook is logged; the run stays as written.
 */
@FunctionalInterface
public interface CloseHook {

    void afterClose(RunDirectory run) throws IOException;
}
