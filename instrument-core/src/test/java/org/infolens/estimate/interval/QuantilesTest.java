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

    @ParameterizedTest(name = "t({0}, {1}) = {2}")
    @CsvSource({"0.975, 1, 12.7062", "0.975, 2, 4.3027", "0.975, 3, 3.1824", "0.975, 4, 2.7764", "0.975, 5, 2.5706",
        "0.975, 9, 2.2622", "0.975, 19, 2.0930", "0.95, 9, 1.8331", "0.995, 9, 3.2498", "0.975, 120, 1.9799", "0.025, 9, -2.2622"})
    void studentT(double p, int df, double t) {
        assertEquals(t, Quantiles.studentT(p, df), 1e-4);
    }

    @ParameterizedTest(name = "F({0}; {1}, {2}) = {3}")
    @CsvSource({"0.95, 1, 10, 4.9646", "0.95, 3, 10, 3.7083", "0.95, 1, 3, 10.1280", "0.95, 8, 45, 2.1521", "0.99, 3, 10, 6.5523"})
    void fisherF(double p, int numerator, int denominator, double f) {
        assertEquals(f, Quantiles.fisherF(p, numerator, denominator), 1e-3);
    }
}
