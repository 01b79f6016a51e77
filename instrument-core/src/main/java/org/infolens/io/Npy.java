package org.infolens.io;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.infolens.data.Activations;

/**
 * The numpy .npy format (versions 1.0 to 3.0): numeric arrays of any integer, float or bool type,
 * either byte order, C or Fortran order. Writes float32 matrices and int64 vectors, readable by
 * {@code numpy.load}.
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([biuf])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    public static NpyArray read(Path file) throws IOException {
        long length = Files.size(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(in, file.toString(), length);
        } catch (EOFException e) {
            throw new IOException(file + ": truncated .npy file (ends before all its data)", e);
        }
    }

    /**
     * A 2-D (or 1-D, as one column; or N-D, flattened per row) array as activations: float32 arrays
     * as float32, every other type (float64, integers, bool) as float64, so that no
     * value is rounded.
     */
    public static Activations readActivations(Path file) throws IOException {
        NpyArray a = read(file);
        if (a.shape().length == 0) {
            throw new IOException(file + ": a scalar, expected rows x columns");
        }
        if (a.columns() < 1) {
            throw new IOException(file + ": shape " + a.shapeText() + " has no columns");
        }
        double[] v = a.values();
        if (!a.dtype().endsWith("f4")) {
            return Activations.wrap(v, a.rows(), a.columns());
        }
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return Activations.wrap(f, a.rows(), a.columns());
    }

    /**
     * Reads an array from {@code raw}, a file of {@code length} bytes. Every size the header gives (its
     * own length, the shape) is checked against that length before anything is allocated: a 1 KB
     * hostile file cannot make the reader allocate gigabytes.
     */
    private static NpyArray read(InputStream raw, String name, long length) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        byte[] magic = new byte[6];
        in.readFully(magic);
        for (int i = 0; i < MAGIC.length; i++) {
            if (magic[i] != MAGIC[i]) {
                throw new IOException(name + ": not a .npy file (wrong magic bytes)");
            }
        }
        int major = in.readUnsignedByte();
        in.readUnsignedByte(); // minor
        long headerLength;
        if (major == 1) {
            headerLength = Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
        } else if (major == 2 || major == 3) {
            headerLength = Integer.toUnsignedLong(Integer.reverseBytes(in.readInt()));
        } else {
            throw new IOException(name + ": unsupported .npy version " + major);
        }
        long prefix = major == 1 ? 10 : 12;
        if (headerLength > length - prefix) {
            throw new IOException(name + ": .npy header length " + headerLength + " is beyond the file's " + length + " bytes");
        }
        byte[] headerBytes = new byte[(int) headerLength];
        in.readFully(headerBytes);
        String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find()) {
            throw new IOException(name + ": unsupported .npy dtype in header " + header.trim()
                    + " (numeric types only: bool, int, uint, float)");
        }
        if (!f.find() || !s.find()) {
            throw new IOException(name + ": malformed .npy header " + header.trim());
        }
        ByteOrder order = d.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        char kind = d.group(2).charAt(0);
        int size;
        try {
            size = Integer.parseInt(d.group(3));
        } catch (NumberFormatException e) {
            throw new IOException(name + ": unsupported .npy dtype " + kind + d.group(3));
        }
        boolean fortran = f.group(1).equals("True");
        long[] shape = parseShape(s.group(1), name);
        if (size != 1 && size != 2 && size != 4 && size != 8) {
            throw new IOException(name + ": unsupported .npy dtype " + kind + d.group(3));
        }
        long count = 1;
        long dataBytes = length - prefix - headerLength;
        for (long dim : shape) {
            if (dim < 0) {
                throw new IOException(name + ": negative dimension in .npy shape " + java.util.Arrays.toString(shape));
            }
            count = dim == 0 ? 0 : count > dataBytes / dim ? Long.MAX_VALUE / 16 : count * dim; // capped: compared with the file below
        }
        if (count * size > dataBytes) {
            throw new IOException(name + ": .npy shape " + java.util.Arrays.toString(shape) + " of " + kind + size + " needs "
                    + (count >= Long.MAX_VALUE / 16 ? "more" : String.valueOf(count * size)) + " bytes of data, the file holds " + dataBytes
                    + " (truncated or malformed)");
        }
        if (count * size > Integer.MAX_VALUE - 8) {
            throw new IOException(name + ": array of shape " + java.util.Arrays.toString(shape) + " is too large to load");
        }
        byte[] data = new byte[(int) (count * size)];
        in.readFully(data);
        double[] values = decode(ByteBuffer.wrap(data).order(order), kind, size, (int) count, name);
        if (fortran && shape.length > 1) {
            values = fortranToC(values, shape);
        }
        String dtype = d.group(1) + kind + size;
        return new NpyArray(dtype, shape, values);
    }

    private static long[] parseShape(String text, String name) throws IOException {
        List<Long> dims = new ArrayList<>();
        for (String part : text.split(",")) {
            String t = part.trim();
            if (t.isEmpty()) {
                continue;
            }
            try {
                dims.add(Long.parseLong(t.replace("L", "")));
            } catch (NumberFormatException e) {
                throw new IOException(name + ": malformed shape (" + text + ")");
            }
        }
        return dims.stream().mapToLong(Long::longValue).toArray();
    }

    private static double[] decode(ByteBuffer b, char kind, int size, int count, String name) throws IOException {
        double[] v = new double[count];
        switch (kind + "" + size) {
            case "f4" -> { for (int i = 0; i < count; i++) { v[i] = b.getFloat(); } }
            case "f8" -> { for (int i = 0; i < count; i++) { v[i] = b.getDouble(); } }
            case "i1" -> { for (int i = 0; i < count; i++) { v[i] = b.get(); } }
            case "u1", "b1" -> { for (int i = 0; i < count; i++) { v[i] = Byte.toUnsignedInt(b.get()); } }
            case "i2" -> { for (int i = 0; i < count; i++) { v[i] = b.getShort(); } }
            case "u2" -> { for (int i = 0; i < count; i++) { v[i] = Short.toUnsignedInt(b.getShort()); } }
            case "i4" -> { for (int i = 0; i < count; i++) { v[i] = b.getInt(); } }
            case "u4" -> { for (int i = 0; i < count; i++) { v[i] = Integer.toUnsignedLong(b.getInt()); } }
            case "i8" -> { for (int i = 0; i < count; i++) { v[i] = b.getLong(); } }
            case "u8" -> { for (int i = 0; i < count; i++) { v[i] = unsigned(b.getLong()); } }
            default -> throw new IOException(name + ": unsupported .npy dtype " + kind + size);
        }
        return v;
    }

    /** A uint64 as a double: values of 2^63 and more are positive, not negative. */
    static double unsigned(long bits) {
        return bits >= 0 ? bits : ((bits >>> 1) | (bits & 1)) * 2.0;
    }

    private static double[] fortranToC(double[] f, long[] shape) {
        int rank = shape.length;
        double[] c = new double[f.length];
        int[] idx = new int[rank];
        for (int i = 0; i < f.length; i++) {
            // i walks C order; find the same element's Fortran position
            long pos = 0;
            long stride = 1;
            for (int k = 0; k < rank; k++) {
                pos += idx[k] * stride;
                stride *= shape[k];
            }
            c[i] = f[(int) pos];
            for (int k = rank - 1; k >= 0; k--) {
                if (++idx[k] < shape[k]) {
                    break;
                }
                idx[k] = 0;
            }
        }
        return c;
    }

    /** Writes a matrix, rows x columns, C order, in its own precision (float32 or float64). */
    public static void write(Path file, Activations values) throws IOException {
        writeMatrix(file, values, values.precision() == Activations.Precision.FLOAT64);
    }

    /**
     * Writes a matrix as float64 (of float32 values, exactly): readers that keep float64 (numpy code,
     * the reference implementations) then compute in double.
     */
    public static void writeFloat64(Path file, Activations values) throws IOException {
        writeMatrix(file, values, true);
    }

    private static void writeMatrix(Path file, Activations values, boolean float64) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            writeHeader(out, float64 ? "<f8" : "<f4", "(" + values.rows() + ", " + values.columns() + ")");
            ByteBuffer buf = ByteBuffer.allocate((float64 ? 8 : 4) * values.columns()).order(ByteOrder.LITTLE_ENDIAN);
            for (int r = 0; r < values.rows(); r++) {
                buf.clear();
                for (int c = 0; c < values.columns(); c++) {
                    if (float64) {
                        buf.putDouble(values.get(r, c));
                    } else {
                        buf.putFloat((float) values.get(r, c)); // float32 values: exact
                    }
                }
                out.write(buf.array(), 0, buf.position());
            }
        }
    }

    /** Writes an int64 vector. */
    public static void write(Path file, int[] values) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            writeHeader(out, "<i8", "(" + values.length + ",)");
            ByteBuffer buf = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
            for (int v : values) {
                buf.putLong(v);
            }
            out.write(buf.array());
        }
    }

    private static void writeHeader(OutputStream out, String descr, String shape) throws IOException {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64; // numpy aligns the data to 64 bytes
        String header = dict + " ".repeat(padding) + "\n";
        out.write(MAGIC);
        out.write(1);
        out.write(0);
        out.write(header.length() & 0xFF);
        out.write(header.length() >>> 8);
        out.write(header.getBytes(StandardCharsets.ISO_8859_1));
    }
}
