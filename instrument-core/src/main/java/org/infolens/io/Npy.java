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
        return readAs(file, (h, in) -> new NpyArray(h.dtype(), h.shape(), h.decode(in, false).doubles()));
    }

    /**
     * A 2-D (or 1-D, as one column; or N-D, flattened per row) array as activations: float32 arrays
     * as float32, every other type (float64, integers, bool) as float64, so that no
     * value is rounded. Streamed: the values go from the file straight into the array returned (the
     * memory is that array and a 64 KB buffer, not a copy of the file and a double copy of the values).
     */
    public static Activations readActivations(Path file) throws IOException {
        return readAs(file, (h, in) -> {
            if (h.shape().length == 0) {
                throw new IOException(file + ": a scalar, expected rows x columns");
            }
            NpyArray shapeOnly = new NpyArray(h.dtype(), h.shape(), new double[0]);
            if (shapeOnly.columns() < 1) {
                throw new IOException(file + ": shape " + shapeOnly.shapeText() + " has no columns");
            }
            Values v = h.decode(in, h.dtype().endsWith("f4"));
            return v.floats() != null ? Activations.wrap(v.floats(), shapeOnly.rows(), shapeOnly.columns())
                    : Activations.wrap(v.doubles(), shapeOnly.rows(), shapeOnly.columns());
        });
    }

    private interface Body<T> {
        T read(Header h, InputStream in) throws IOException;
    }

    private static <T> T readAs(Path file, Body<T> body) throws IOException {
        long length = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            Header h = header(in, file.toString(), length);
            return body.read(h, in);
        } catch (EOFException e) {
            throw new IOException(file + ": truncated .npy file (ends before all its data)", e);
        }
    }

    /** Decoded values: float32 ones as floats when asked, else doubles. */
    private record Values(float[] floats, double[] doubles) {
    }

    /** What a .npy header says, checked against the file's length. */
    private record Header(String name, String dtype, ByteOrder order, char kind, int size, boolean fortran, long[] shape, int count) {

        /** The values, read from {@code in} in 64 KB pieces, in C order. */
        Values decode(InputStream in, boolean asFloats) throws IOException {
            float[] f = asFloats ? new float[count] : null;
            double[] d = asFloats ? null : new double[count];
            int rank = shape.length;
            boolean reorder = fortran && rank > 1;
            long[] cStride = new long[rank];
            for (int k = rank - 1, st = 1; k >= 0; k--) {
                cStride[k] = st;
                st *= (int) shape[k];
            }
            long[] idx = new long[rank]; // the element's index, walked in Fortran order when reordering
            byte[] chunk = new byte[Math.max(size, (1 << 16) / size * size)];
            ByteBuffer b = ByteBuffer.wrap(chunk).order(order);
            int i = 0;
            while (i < count) {
                int n = Math.min(count - i, chunk.length / size);
                readFully(in, chunk, n * size);
                b.clear();
                for (int j = 0; j < n; j++, i++) {
                    double v = next(b);
                    int at = i;
                    if (reorder) {
                        long pos = 0;
                        for (int k = 0; k < rank; k++) {
                            pos += idx[k] * cStride[k];
                        }
                        at = (int) pos;
                        for (int k = 0; k < rank; k++) { // Fortran order: the first index moves fastest
                            if (++idx[k] < shape[k]) {
                                break;
                            }
                            idx[k] = 0;
                        }
                    }
                    if (f != null) {
                        f[at] = (float) v;
                    } else {
                        d[at] = v;
                    }
                }
            }
            return new Values(f, d);
        }

        private double next(ByteBuffer b) throws IOException {
            return switch (size) {
                case 1 -> kind == 'i' ? b.get() : Byte.toUnsignedInt(b.get());
                case 2 -> kind == 'i' ? b.getShort() : kind == 'u' ? Short.toUnsignedInt(b.getShort()) : badType();
                case 4 -> kind == 'f' ? b.getFloat() : kind == 'i' ? b.getInt() : kind == 'u' ? Integer.toUnsignedLong(b.getInt()) : badType();
                case 8 -> kind == 'f' ? b.getDouble() : kind == 'i' ? b.getLong() : kind == 'u' ? unsigned(b.getLong()) : badType();
                default -> badType();
            };
        }

        private double badType() throws IOException {
            throw new IOException(name + ": unsupported .npy dtype " + kind + size);
        }
    }

    private static void readFully(InputStream in, byte[] buffer, int bytes) throws IOException {
        int off = 0;
        while (off < bytes) {
            int r = in.read(buffer, off, bytes - off);
            if (r < 0) {
                throw new EOFException();
            }
            off += r;
        }
    }

    /**
     * Reads the header from {@code raw}, a file of {@code length} bytes. Every size the header gives (its
     * own length, the shape) is checked against that length before anything is allocated: a 1 KB
     * hostile file cannot make the reader allocate gigabytes.
     */
    private static Header header(InputStream raw, String name, long length) throws IOException {
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
        if (size != 1 && size != 2 && size != 4 && size != 8 || kind == 'f' && size < 4 || kind == 'b' && size != 1) {
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
        if (count > Integer.MAX_VALUE - 8) {
            throw new IOException(name + ": array of shape " + java.util.Arrays.toString(shape) + " is too large to load");
        }
        return new Header(name, d.group(1) + kind + size, order, kind, size, fortran, shape, (int) count);
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

    /** A uint64 as a double: values of 2^63 and more are positive, not negative. */
    static double unsigned(long bits) {
        return bits >= 0 ? bits : ((bits >>> 1) | (bits & 1)) * 2.0;
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
