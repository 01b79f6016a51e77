package org.infolens.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The look every infolens figure shares: fonts sized to be read at the figure's pixel size, grey
 * grids on white, and the Okabe-Ito palette for layers (distinguishable with every common form of
 * colour blindness), with a marker shape per layer so that layers stay apart in greyscale too.
 */
public final class ChartStyle {

    public static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 20);
    public static final Font PANEL_TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    public static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    public static final Font AXIS_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    public static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    public static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 13);

    static final Color GRID = new Color(0xDDDDDD);
    static final Color CEILING = new Color(0x888888);
    static final Color TEXT = new Color(0x222222);
    static final Stroke DASHED = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {5f, 4f}, 0f);

    // Okabe & Ito (2008), yellow last: it is the faintest on white
    private static final Color[] LAYER_COLOURS = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
            new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442)};

    private ChartStyle() {
    }

    /** The colour of the i-th layer of a figure (cycling after eight). */
    public static Color layerColour(int i) {
        return LAYER_COLOURS[Math.floorMod(i, LAYER_COLOURS.length)];
    }

    /** The marker of the i-th layer: circle, square, triangle, diamond, inverted triangle, cycling. */
    public static Shape layerShape(int i, double size) {
        double h = size / 2;
        return switch (Math.floorMod(i, 5)) {
            case 0 -> new Ellipse2D.Double(-h, -h, size, size);
            case 1 -> new Rectangle2D.Double(-h * 0.9, -h * 0.9, size * 0.9, size * 0.9);
            case 2 -> polygon(0, -h * 1.15, h * 1.1, h * 0.85, -h * 1.1, h * 0.85);
            case 3 -> polygon(0, -h * 1.25, h * 1.05, 0, 0, h * 1.25, -h * 1.05, 0);
            default -> polygon(0, h * 1.15, h * 1.1, -h * 0.85, -h * 1.1, -h * 0.85);
        };
    }

    private static Shape polygon(double... xy) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            p.lineTo(xy[i], xy[i + 1]);
        }
        p.closePath();
        return p;
    }

    /** {@code c} with alpha {@code alpha} (0..255). */
    static Color translucent(Paint p, int alpha) {
        Color c = (Color) p;
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    static void styleAxis(ValueAxis axis) {
        axis.setLabelFont(AXIS_FONT);
        axis.setTickLabelFont(TICK_FONT);
        axis.setLabelPaint(TEXT);
        axis.setTickLabelPaint(TEXT);
    }

    static void stylePlot(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(0.8f));
        plot.setRangeGridlineStroke(new BasicStroke(0.8f));
        plot.setOutlineVisible(false);
        plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
        styleAxis(plot.getDomainAxis());
        styleAxis(plot.getRangeAxis());
    }

    /** A panel: the plot under a bold title, no legend of its own (figures draw one for all panels). */
    public static JFreeChart panel(String title, XYPlot plot) {
        stylePlot(plot);
        JFreeChart chart = new JFreeChart(title, PANEL_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setPaint(TEXT);
        chart.setPadding(new RectangleInsets(6, 6, 6, 10));
        return chart;
    }

    /** A small grey line under a panel's title (parameters, N). */
    public static void addNote(JFreeChart chart, String text) {
        TextTitle note = new TextTitle(text, new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        note.setPaint(Color.DARK_GRAY);
        chart.addSubtitle(note);
    }
}
