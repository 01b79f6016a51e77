package org.infolens.estimate.interval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Quantiles against printed tables (four or more significant digits). */
class QuantilesTest {

    @ParameterizedTest(name = "z({0}) = {1}")
    @CsvSource({"0.975, 1.959964", "0.95, 1.644854", "0.5, 0", "0.01, -2.326348", "0.999, 3.090232"})
    void normal(double p, double z) {
        assertEquals(z, Quantiles.normal(p), 1e-6);
    }

    /** Expansion error grows as df falls: 1e-3 from 5 degrees of freedom, 1e-2 at 3 and 4. */
    @ParameterizedTest(name = "t({0}, {1}) = {2}")
    @CsvSource({
        "0.975, 1, 12.7062, 1e-4", "0.975, 2, 4.3027, 1e-4", "0.975, 3, 3.1824, 1e-2", "0.975, 4, 2.7764, 1e-2",
        "0.975, 5, 2.5706, 1e-3", "0.975, 9, 2.2622, 1e-3", "0.975, 19, 2.0930, 1e-4", "0.95, 9, 1.8331, 1e-4",
        "0.995, 9, 3.2498, 1e-3", "0.975, 120, 1.9799, 1e-4", "0.025, 9, -2.2622, 1e-3"})
    void studentT(double p, int df, double t, double tolerance) {
        assertEquals(t, Quantiles.studentT(p, df), tolerance);
    }
}
