package org.infolens.cli;

/**
 * A subcommand of {@code ./infolens} that a jar on the class path adds: a picocli {@code @Command}
 * class implementing this interface, named in that jar's
 * {@code META-INF/services/org.infolens.cli.CommandPlugin}. The developer benchmarks ({@code bench})
 * come this way, from their own module, so the user-facing jar does not carry them.
 */
public interface CommandPlugin {
}
