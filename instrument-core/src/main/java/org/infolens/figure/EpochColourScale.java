package org.infolens.figure;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/**
 * Colour = epoch, on the viridis palette (perceptually uniform, readable by colour-blind viewers and
 * in greyscale), logarithmic in the epoch when the recorded epochs span two decades or more (they are
 * usually log-spaced), linear otherwise. The palette stops short of viridis's palest yellow, which
 * vanishes on a white background. Epoch 0 (before training) takes the colour of epoch 1 on a log scale.
 */
public final class EpochColourScale implements PaintScale {

    // viridis at 0, 0.1, ..., 1.0 (matplotlib's values)
    private static final int[] VIRIDIS = {0x440154, 0x482475, 0x414487, 0x355f8d, 0x2a788e, 0x21918c, 0x22a884,
            0x44bf70, 0x7ad151, 0xbddf26, 0xfde725};
    private static final double PALETTE_END = 0.9;

    private final double lower;
    private final double upper;
    private final boolean logarithmic;

    public EpochColourScale(double firstEpoch, double lastEpoch) {
        this.logarithmic = Math.max(lastEpoch, 1) / Math.max(firstEpoch, 1) >= 100;
        this.lower = logarithmic ? Math.max(firstEpoch, 1) : firstEpoch;
        this.upper = Math.max(lastEpoch, lower + (logarithmic ? lower : 1));
    }

    public boolean isLogarithmic() {
        return logarithmic;
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    /** Position 0..1 of an epoch on the scale. */
    double position(double epoch) {
        double t;
        if (logarithmic) {
            double e = Math.max(epoch, lower);
            t = Math.log(e / lower) / Math.log(upper / lower);
        } else {
            t = (epoch - lower) / (upper - lower);
        }
        return Math.min(1, Math.max(0, t));
    }

    @Override
    public Paint getPaint(double epoch) {
        return colour(position(epoch));
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
