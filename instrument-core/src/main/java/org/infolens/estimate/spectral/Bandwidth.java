package org.infolens.estimate.spectral;

import java.util.List;
import java.util.Locale;
import org.infolens.config.ValueType;

/**
 * The Gaussian kernel's sigma for diffusion spectral entropy: a fixed value (the authors' default 10,
 * absolute, so DSE depends on the activation scale), sqrt(d) (their toy comparisons), or the median
 * distance between distinct rows (scale-free). The value used is recorded with every estimate.
 *
 * @param rule  how sigma is chosen
 * @param fixed the value for {@link Rule#FIXED}; NaN otherwise
 */
public record Bandwidth(Rule rule, double fixed) {

    /** How sigma is chosen. */
    public enum Rule {
        FIXED, SQRT_D, MEDIAN
    }

    /** How sigma reads and writes as a parameter. */
    public static final ValueType<Bandwidth> TYPE = ValueType.of("a number > 0, sqrt-d or median", List.of("sqrt-d", "median"),
            Bandwidth::parse, Bandwidth::parameterValue);

    public Bandwidth {
        if (rule == Rule.FIXED && (!(fixed > 0) || Double.isInfinite(fixed))) {
            throw new IllegalArgumentException("sigma must be > 0 and finite, got " + fixed);
        }
        if (rule != Rule.FIXED) {
            fixed = Double.NaN;
        }
    }

    public static Bandwidth fixed(double sigma) {
        return new Bandwidth(Rule.FIXED, sigma);
    }

    public static Bandwidth sqrtOfWidth() {
        return new Bandwidth(Rule.SQRT_D, Double.NaN);
    }

    public static Bandwidth medianDistance() {
        return new Bandwidth(Rule.MEDIAN, Double.NaN);
    }

    /** "10", "sqrt-d" or "median", as the command line takes them. */
    public static Bandwidth parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.equals("sqrt-d")) {
            return sqrtOfWidth();
        }
        if (s.equals("median")) {
            return medianDistance();
        }
        try {
            return fixed(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("sigma must be a number > 0, sqrt-d or median; got '" + text + "'");
        }
    }

    /** The parameter's text form: the number, "sqrt-d" or "median". */
    public Object parameterValue() {
        return switch (rule) {
            case FIXED -> fixed;
            case SQRT_D -> "sqrt-d";
            case MEDIAN -> "median";
        };
    }

    @Override
    public String toString() {
        return String.valueOf(parameterValue());
    }
}
