package org.infolens.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Numeric text tables: one row per line, values separated by commas (or whitespace), an optional
 * header line of column names. Every row must have the header's number of columns.
 */
public final class Csv {

    private static final Pattern SEPARATOR = Pattern.compile("\\s*,\\s*|\\s+");

    private Csv() {
    }

    /** A table of numbers with its column names (generated "c0", "c1", ... when the file has none). */
    public record Table(List<String> columnNames, int rows, double[] values) {

        public int columns() {
            return columnNames.size();
        }

        public double get(int row, int column) {
            return values[row * columns() + column];
        }
    }

    public static Table read(Path file) throws IOException {
        List<String> names = null;
        List<double[]> rows = new ArrayList<>();
        int columns = -1;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                String t = (lineNo == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line).strip(); // a spreadsheet's byte-order mark
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] fields = SEPARATOR.split(t);
                if (columns < 0) {
                    columns = fields.length;
                    if (!isNumeric(fields[0]) || !isNumeric(fields[fields.length - 1])) {
                        names = List.of(fields);
                        continue;
                    }
                }
                if (fields.length != columns) {
                    throw new IOException(file + ": line " + lineNo + " has " + fields.length + " values, expected " + columns);
                }
                double[] row = new double[columns];
                for (int c = 0; c < columns; c++) {
                    try {
                        row[c] = number(fields[c]);
                    } catch (NumberFormatException e) {
                        throw new IOException(file + ": line " + lineNo + ", column " + (c + 1) + ": '" + fields[c] + "' is not a number");
                    }
                }
                rows.add(row);
            }
        }
        if (columns < 0) {
            throw new IOException(file + ": empty file, expected rows of numbers");
        }
        if (names == null) {
            List<String> generated = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                generated.add("c" + c);
            }
            names = generated;
        }
        double[] values = new double[rows.size() * columns];
        for (int r = 0; r < rows.size(); r++) {
            System.arraycopy(rows.get(r), 0, values, r * columns, columns);
        }
        return new Table(List.copyOf(names), rows.size(), values);
    }

    private static boolean isNumeric(String s) {
        try {
            number(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A number as np.savetxt and spreadsheets write it: Java's forms plus nan, inf, -inf in any case. */
    static double number(String s) {
        switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "nan", "+nan", "-nan" -> {
                return Double.NaN;
            }
            case "inf", "+inf", "infinity", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                return Double.parseDouble(s);
            }
        }
    }
}
