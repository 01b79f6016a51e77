package org.infolens.figure;

import java.awt.Color;
import java.awt.Paint;
import java.text.DecimalFormat;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import org.jfree.chart.renderer.PaintScale;

/**
 * Colour = epoch, on the viridis palette (perceptually uniform, readable by colour-blind viewers and
 * in greyscale), logarithmic in the epoch when the recorded epochs span two decades or more (they are
 * usually log-spaced), linear otherwise. The palette stops short of viridis's palest yellow, which
 * vanishes on a white background.
 *
 * <p>The scale works on a coordinate: log10(epoch) (epoch 0, before training, counts as 1) or the
 * epoch itself. Charts plot the coordinate as z and label the colour bar's axis with epochs, so the
 * bar is drawn evenly in the coordinate, as JFreeChart's legend subdivides it.
 */
public final class EpochColourScale implements PaintScale {

    // viridis at 0, 0.1, ..., 1.0 (matplotlib's values)
    private static final int[] VIRIDIS = {0x440154, 0x482475, 0x414487, 0x355f8d, 0x2a788e, 0x21918c, 0x22a884,
            0x44bf70, 0x7ad151, 0xbddf26, 0xfde725};
    private static final double PALETTE_END = 0.9;

    private final boolean logarithmic;
    private final double lower; // in coordinates
    private final double upper;

    public EpochColourScale(double firstEpoch, double lastEpoch) {
        this.logarithmic = Math.max(lastEpoch, 1) / Math.max(firstEpoch, 1) >= 100;
        this.lower = coordinate(firstEpoch);
        this.upper = Math.max(coordinate(lastEpoch), lower + (logarithmic ? 0.1 : 1));
    }

    public boolean isLogarithmic() {
        return logarithmic;
    }

    /** Where an epoch sits on the scale. */
    public double coordinate(double epoch) {
        return logarithmic ? Math.log10(Math.max(epoch, 1)) : epoch;
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    /** Position 0..1 of a coordinate on the scale. */
    double position(double coordinate) {
        return Math.min(1, Math.max(0, (coordinate - lower) / (upper - lower)));
    }

    @Override
    public Paint getPaint(double coordinate) {
        return colour(position(coordinate));
    }

    /** Formats colour-bar ticks (coordinates) as epochs. */
    public NumberFormat epochFormat() {
        DecimalFormat plain = new DecimalFormat("0");
        if (!logarithmic) {
            return plain;
        }
        return new NumberFormat() {
            @Override
            public StringBuffer format(double coordinate, StringBuffer to, FieldPosition pos) {
                return plain.format(Math.pow(10, coordinate), to, pos);
            }

            @Override
            public StringBuffer format(long coordinate, StringBuffer to, FieldPosition pos) {
                return format((double) coordinate, to, pos);
            }

            @Override
            public Number parse(String source, ParsePosition pos) {
                throw new UnsupportedOperationException("colour-bar labels are not parsed");
            }
        };
    }

    /** The palette colour at {@code t} in 0..1. */
    static Color colour(double t) {
        double x = t * PALETTE_END * (VIRIDIS.length - 1);
        int i = Math.min((int) x, VIRIDIS.length - 2);
        double f = x - i;
        int a = VIRIDIS[i];
        int b = VIRIDIS[i + 1];
        return new Color(mix(a >> 16, b >> 16, f), mix(a >> 8, b >> 8, f), mix(a, b, f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
    }
}
