package org.infolens.run;

import java.util.Optional;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Which signal, if any, is ending the JVM. Shutdown hooks run alike for SIGINT, SIGTERM and a normal
 * exit, but a run ended by a signal is interrupted while a program that merely forgot close() has
 * finished its training: this tells them apart. The JVM's own handlers (which start the shutdown) stay
 * in charge; a signal the process ignores, or one the JVM does not handle (-Xrs), is left alone.
 */
public final class ExitSignals {

    private static volatile String received;
    private static boolean watching;

    private ExitSignals() {
    }

    /** Starts noting SIGINT and SIGTERM (once per JVM; later calls do nothing). */
    public static synchronized void watch() {
        if (watching) {
            return;
        }
        watching = true;
        for (String name : new String[] {"INT", "TERM"}) {
            Signal signal = new Signal(name);
            SignalHandler[] previous = new SignalHandler[1];
            try {
                previous[0] = Signal.handle(signal, s -> {
                    received = "SIG" + s.getName();
                    previous[0].handle(s);
                });
            } catch (IllegalArgumentException reserved) {
                continue; // the JVM keeps this signal to itself
            }
            if (previous[0] == SignalHandler.SIG_DFL || previous[0] == SignalHandler.SIG_IGN) {
                Signal.handle(signal, previous[0]); // not the JVM's shutdown handler: leave the signal as it was
            }
        }
    }

    /** The signal that started the JVM's shutdown ("SIGINT", "SIGTERM"), if one did. */
    public static Optional<String> received() {
        return Optional.ofNullable(received);
    }
}
