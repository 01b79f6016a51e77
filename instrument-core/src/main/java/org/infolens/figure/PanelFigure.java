package org.infolens.figure;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Size2D;
import org.jfree.data.Range;
import org.jfree.svg.SVGGraphics2D;

/**
 * One figure made of panels in a grid, under a title, with at most one key for all of them: a
 * colour bar on the right ({@code side}) or a legend below ({@code bottom}). Drawn the same way to a
 * PNG and to an SVG; the same figure gives the same bytes every time (no timestamps, fixed SVG ids).
 *
 * @param name        file name without extension ("information-plane")
 * @param title       drawn at the top
 * @param notes       grey lines under the title (parameters, warnings)
 * @param panels      the charts, row by row
 * @param columns     panels per row
 * @param panelWidth  pixels per panel
 * @param panelHeight pixels per panel
 * @param side        a key drawn right of the grid, or null
 * @param bottom      a key drawn under the grid, or null
 */
public record PanelFigure(String name, String title, List<String> notes, List<JFreeChart> panels, int columns, int panelWidth,
                          int panelHeight, Title side, Title bottom) {

    private static final int MARGIN = 14;
    private static final int TITLE_HEIGHT = 34;
    private static final int NOTE_HEIGHT = 19;
    private static final int SIDE_WIDTH = 110;
    private static final int BOTTOM_HEIGHT = 48;

    public PanelFigure {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        notes = List.copyOf(notes);
        panels = List.copyOf(panels);
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("figure '" + name + "' has no panels");
        }
        if (columns < 1 || panelWidth < 100 || panelHeight < 100) {
            throw new IllegalArgumentException("figure '" + name + "': columns >= 1 and panels of at least 100 x 100 pixels, got "
                    + columns + " columns of " + panelWidth + " x " + panelHeight);
        }
    }

    public int rows() {
        return (panels.size() + columns - 1) / columns;
    }

    private int gridColumns() {
        return Math.min(columns, panels.size());
    }

    public int width() {
        return 2 * MARGIN + gridColumns() * panelWidth + (side == null ? 0 : SIDE_WIDTH);
    }

    private int headerHeight() {
        return TITLE_HEIGHT + NOTE_HEIGHT * notes.size() + 6;
    }

    public int height() {
        return 2 * MARGIN + headerHeight() + rows() * panelHeight + (bottom == null ? 0 : BOTTOM_HEIGHT);
    }

    /** Draws the whole figure at (0, 0), {@link #width()} x {@link #height()}. */
    public void draw(Graphics2D g2) {
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g2.setPaint(Color.WHITE);
        g2.fill(new Rectangle2D.Double(0, 0, width(), height()));
        double y = MARGIN;
        text(g2, title, ChartStyle.TITLE_FONT, ChartStyle.TEXT, y, TITLE_HEIGHT);
        y += TITLE_HEIGHT;
        for (String note : notes) {
            text(g2, note, ChartStyle.SUBTITLE_FONT, Color.DARK_GRAY, y, NOTE_HEIGHT);
            y += NOTE_HEIGHT;
        }
        double top = MARGIN + headerHeight();
        for (int i = 0; i < panels.size(); i++) {
            Rectangle2D cell = new Rectangle2D.Double(MARGIN + (i % columns) * (double) panelWidth, top + (i / columns) * (double) panelHeight,
                    panelWidth, panelHeight);
            panels.get(i).draw(g2, cell);
        }
        double gridHeight = rows() * (double) panelHeight;
        if (side != null) {
            double h = Math.min(gridHeight, 640);
            drawKey(g2, side, new Rectangle2D.Double(MARGIN + gridColumns() * (double) panelWidth, top + (gridHeight - h) / 2, SIDE_WIDTH, h));
        }
        if (bottom != null) {
            drawKey(g2, bottom, new Rectangle2D.Double(MARGIN, top + gridHeight, gridColumns() * (double) panelWidth, BOTTOM_HEIGHT));
        }
    }

    /** Titles lay themselves out in arrange(), which must come before draw(). */
    private static void drawKey(Graphics2D g2, Title key, Rectangle2D area) {
        Size2D size = key.arrange(g2, new RectangleConstraint(new Range(0, area.getWidth()), new Range(0, area.getHeight())));
        double w = Math.min(size.getWidth(), area.getWidth()); // centred across the area
        key.draw(g2, new Rectangle2D.Double(area.getX() + (area.getWidth() - w) / 2, area.getY(), w, area.getHeight()));
    }

    /** A line of text centred across the figure ({@link TextTitle} lays itself out in arrange(), before it can draw). */
    private void text(Graphics2D g2, String s, java.awt.Font font, Color colour, double y, double height) {
        TextTitle t = new TextTitle(s, font);
        t.setPaint(colour);
        t.setHorizontalAlignment(HorizontalAlignment.CENTER);
        double w = width() - 2.0 * MARGIN;
        t.arrange(g2, new RectangleConstraint(new Range(0, w), new Range(0, height)));
        t.draw(g2, new Rectangle2D.Double(MARGIN, y, w, height));
    }

    /** The figure as PNG bytes. */
    public byte[] png() {
        BufferedImage image = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            draw(g2);
        } finally {
            g2.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (javax.imageio.stream.MemoryCacheImageOutputStream stream = new javax.imageio.stream.MemoryCacheImageOutputStream(out)) {
            // in memory: ImageIO's default file cache registers a shutdown hook, refused while an interrupted run draws its figures
            ImageIO.write(image, "png", stream);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode figure '" + name + "' as PNG", e);
        }
        return out.toByteArray();
    }

    /** The figure as an SVG document. */
    public String svg() {
        SVGGraphics2D g2 = new SVGGraphics2D(width(), height());
        g2.setDefsKeyPrefix(name); // the default prefix is a clock reading: ids would change on every call
        draw(g2);
        return g2.getSVGDocument();
    }

    /** The files of a figure once written, and the PNG's bytes (the report embeds them). */
    public record Written(Path png, Path svg, byte[] pngBytes) {
    }

    /** Writes {@code <name>.png} and {@code <name>.svg} into {@code directory}. */
    public Written write(Path directory) throws IOException {
        Files.createDirectories(directory);
        byte[] bytes = png();
        Path png = directory.resolve(name + ".png");
        Files.write(png, bytes);
        Path svg = directory.resolve(name + ".svg");
        Files.writeString(svg, svg(), StandardCharsets.UTF_8);
        return new Written(png, svg, bytes);
    }
}
