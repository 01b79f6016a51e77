package org.infolens.figure;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A logarithmic epoch axis that keeps epoch 0 (before training): charts plot
 * {@link #coordinate(int)}, log10 of the epoch, with epoch 0 half an epoch left of epoch 1, and the
 * axis labels its ticks in epochs: 0, then the decades, with 2 and 5 between them when the run spans
 * two decades or less, every epoch up to 9 when it spans one.
 */
public final class EpochAxis extends org.jfree.chart.axis.NumberAxis {

    private static final long serialVersionUID = 1L;
    private static final double BEFORE_TRAINING = Math.log10(0.5);

    public EpochAxis() {
        super("epoch (log scale)");
        setAutoRangeIncludesZero(false);
        setLowerMargin(0.03);
        setUpperMargin(0.03);
        ChartStyle.styleAxis(this);
    }

    /** Where an epoch sits on the axis. */
    public static double coordinate(int epoch) {
        return epoch <= 0 ? BEFORE_TRAINING : Math.log10(epoch);
    }

    @Override
    public List<NumberTick> refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        List<NumberTick> ticks = new ArrayList<>();
        double lower = getLowerBound();
        double upper = getUpperBound();
        boolean vertical = RectangleEdge.isLeftOrRight(edge);
        TextAnchor anchor = vertical ? TextAnchor.CENTER_RIGHT : TextAnchor.TOP_CENTER;
        if (lower <= BEFORE_TRAINING && BEFORE_TRAINING <= upper) {
            ticks.add(new NumberTick(TickType.MAJOR, BEFORE_TRAINING, "0", anchor, anchor, 0));
        }
        double decades = upper - Math.max(lower, 0);
        int[] steps = decades <= 1 ? new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9} : decades <= 2 ? new int[] {1, 2, 5} : new int[] {1};
        for (int decade = 0; decade <= Math.ceil(upper); decade++) {
            for (int step : steps) {
                double epoch = step * Math.pow(10, decade);
                double c = Math.log10(epoch);
                if (c >= lower && c <= upper) {
                    ticks.add(new NumberTick(TickType.MAJOR, c, String.valueOf((long) epoch), anchor, anchor, 0));
                }
            }
        }
        return ticks;
    }
}
