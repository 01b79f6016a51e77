package org.infolens.trajectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends records to a JSON Lines file, one object per line, each flushed as soon as it is written:
 * the file is readable while training runs and valid up to its last complete line after a crash.
 * Opening a file whose last line was cut off (a crash mid-write) first removes that partial line, so
 * appended records never merge with it. A write that fails part way (disk full, file-size limit) is
 * cut back to the last complete line before the error is thrown, so a later append never follows half a
 * record.
 */
public final class JsonLinesTrajectoryWriter implements TrajectorySink {

    private static final Logger log = LoggerFactory.getLogger(JsonLinesTrajectoryWriter.class);

    private final Path file;
    private final FileChannel out;
    private long complete; // the file's length up to its last complete line
    private boolean cut; // a failed write left part of a line that truncating could not remove yet
    private boolean closed;

    private JsonLinesTrajectoryWriter(Path file) throws IOException {
        this(file, open(file));
    }

    /** Writes to {@code channel}, open on {@code file} for writing at its end (tests hand in a failing one). */
    JsonLinesTrajectoryWriter(Path file, FileChannel channel) throws IOException {
        this.file = file;
        this.out = channel;
        this.complete = channel.size();
    }

    private static FileChannel open(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        dropPartialLastLine(file);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        ch.position(ch.size());
        return ch;
    }

    /** Opens {@code file} for appending, creating it (and its directories) if needed. */
    public static JsonLinesTrajectoryWriter append(Path file) throws IOException {
        return new JsonLinesTrajectoryWriter(file);
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void accept(TrajectoryRecord record) {
        if (closed) {
            throw new IllegalStateException("trajectory " + file + " is closed");
        }
        ByteBuffer whole;
        try {
            byte[] line = Json.mapper().writeValueAsBytes(record);
            whole = ByteBuffer.allocate(line.length + 1).put(line).put((byte) '\n').flip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to trajectory " + file + ": " + e.getMessage(), e);
        }
        try {
            if (cut) { // an earlier write failed part way: cut its piece off first
                out.truncate(complete);
                cut = false;
            }
            complete = out.size();
            out.position(complete);
            while (whole.hasRemaining()) {
                out.write(whole);
            }
            complete += whole.limit();
        } catch (IOException e) {
            try {
                out.truncate(complete);
            } catch (IOException again) {
                cut = true; // the next accept tries again; the reader skips a cut line in any case
                e.addSuppressed(again);
            }
            throw new UncheckedIOException("cannot write to trajectory " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close trajectory " + file + ": " + e.getMessage(), e);
        }
    }

    private static void dropPartialLastLine(Path file) throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            long pos = size;
            ByteBuffer one = ByteBuffer.allocate(1);
            while (pos > 0) {
                one.clear();
                ch.read(one, pos - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                pos--;
            }
            if (pos < size) {
                log.warn("{}: removing a partial last line of {} bytes (an interrupted write) before appending", file, size - pos);
                ch.truncate(pos);
            }
        }
    }
}
