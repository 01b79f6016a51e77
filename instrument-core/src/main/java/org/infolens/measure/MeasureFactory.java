package org.infolens.measure;

import java.util.List;

/** Makes a configured {@link Measure} of one family from text parameters (command line, config). */
public interface MeasureFactory {

    /** The family name, as {@link Measure#name()} returns it. */
    String name();

    /** One line for help texts. */
    String description();

    /** Every parameter name the family accepts. */
    List<String> parameterNames();

    /** A measure configured from {@code parameters}; defaults fill the rest. Rejects unknown names. */
    Measure create(Parameters parameters);
}
