package org.infolens.dl4j;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * log2 rounded to the nearest double, as numpy's log2 gives it. {@code Math.log(x) / Math.log(2)} is
 * often one ulp off, and that ulp decides whether the log-spaced schedule of the original code ends
 * at epoch E or E - 1 (for E = 10, 100, 5000, 10000 among others). Computed once per schedule, in
 * 50-digit decimal arithmetic: ln x = 2 atanh((m - 1)/(m + 1)) + e ln 2 with x = m 2^e.
 */
final class CorrectlyRoundedLog2 {

    private static final MathContext MC = new MathContext(50);
    private static final BigDecimal TINY = new BigDecimal("1e-55");
    private static final BigDecimal LN2 = twiceAtanh(BigDecimal.ONE.divide(BigDecimal.valueOf(3), MC));

    private CorrectlyRoundedLog2() {
    }

    static double log2(double x) {
        if (!(x > 0) || Double.isInfinite(x)) {
            throw new IllegalArgumentException("log2 needs a positive finite number, got " + x);
        }
        int e = Math.getExponent(x);
        double m = x / Math.scalb(1.0, e); // in [1, 2)
        if (m > 1.5) {
            m /= 2;
            e++;
        }
        BigDecimal mm = new BigDecimal(m);
        BigDecimal z = mm.subtract(BigDecimal.ONE).divide(mm.add(BigDecimal.ONE), MC);
        BigDecimal ln = twiceAtanh(z).add(LN2.multiply(BigDecimal.valueOf(e)), MC);
        return ln.divide(LN2, MC).doubleValue();
    }

    /** 2 atanh(z) = 2 (z + z^3/3 + z^5/5 + ...), |z| <= 1/3. */
    private static BigDecimal twiceAtanh(BigDecimal z) {
        BigDecimal z2 = z.multiply(z, MC);
        BigDecimal power = z;
        BigDecimal sum = BigDecimal.ZERO;
        for (int n = 1; ; n += 2) {
            BigDecimal term = power.divide(BigDecimal.valueOf(n), MC);
            sum = sum.add(term, MC);
            if (term.abs().compareTo(TINY) < 0) {
                return sum.multiply(BigDecimal.valueOf(2), MC);
            }
            power = power.multiply(z2, MC);
        }
    }
}
