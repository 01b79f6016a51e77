package org.infolens.trajectory;

import java.io.IOException;
import java.io.OutputStream;
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
 * appended records never merge with it.
 */
public final class JsonLinesTrajectoryWriter implements TrajectorySink {

    private static final Logger log = LoggerFactory.getLogger(JsonLinesTrajectoryWriter.class);

    private final Path file;
    private final OutputStream out;
    private boolean closed;

    private JsonLinesTrajectoryWriter(Path file) throws IOException {
        this.file = file;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        dropPartialLastLine(file);
        this.out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
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
        try {
            byte[] line = Json.mapper().writeValueAsBytes(record);
            byte[] withNewline = new byte[line.length + 1];
            System.arraycopy(line, 0, withNewline, 0, line.length);
            withNewline[line.length] = '\n';
            out.write(withNewline); // one write per line: a crash leaves at most one partial line
            out.flush();
        } catch (IOException e) {
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
