package org.infolens.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A write that fails part way (disk full for a moment) leaves no half record in the file. */
@Timeout(30)
class FailingWriteTest {

    @TempDir
    Path dir;

    /** A file channel with {@code room} bytes of free disk: a write past it writes what fits, then fails. */
    static final class FullDisk extends FileChannel {
        final FileChannel file;
        long room;

        FullDisk(FileChannel file, long room) {
            this.file = file;
            this.room = room;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (room <= 0) {
                throw new IOException("No space left on device");
            }
            int n = (int) Math.min(room, src.remaining());
            ByteBuffer part = src.slice().limit(n);
            int w = file.write(part);
            src.position(src.position() + w);
            room -= w;
            return w;
        }

        @Override public int read(ByteBuffer dst) throws IOException { return file.read(dst); }
        @Override public long read(ByteBuffer[] dsts, int offset, int length) throws IOException { return file.read(dsts, offset, length); }
        @Override public long write(ByteBuffer[] srcs, int offset, int length) { throw new UnsupportedOperationException(); }
        @Override public long position() throws IOException { return file.position(); }
        @Override public FileChannel position(long p) throws IOException { file.position(p); return this; }
        @Override public long size() throws IOException { return file.size(); }
        @Override public FileChannel truncate(long size) throws IOException { file.truncate(size); return this; }
        @Override public void force(boolean metaData) throws IOException { file.force(metaData); }
        @Override public long transferTo(long p, long c, WritableByteChannel t) throws IOException { return file.transferTo(p, c, t); }
        @Override public long transferFrom(ReadableByteChannel s, long p, long c) { throw new UnsupportedOperationException(); }
        @Override public int read(ByteBuffer dst, long p) throws IOException { return file.read(dst, p); }
        @Override public int write(ByteBuffer src, long p) { throw new UnsupportedOperationException(); }
        @Override public MappedByteBuffer map(MapMode m, long p, long s) throws IOException { return file.map(m, p, s); }
        @Override public FileLock lock(long p, long s, boolean sh) throws IOException { return file.lock(p, s, sh); }
        @Override public FileLock tryLock(long p, long s, boolean sh) throws IOException { return file.tryLock(p, s, sh); }
        @Override protected void implCloseChannel() throws IOException { file.close(); }
    }

    @Test
    void aWriteCutByAFullDiskIsTruncatedBackAndTheNextAppendStartsAWholeLine() throws IOException {
        Path f = dir.resolve("t.jsonl");
        TrajectoryRecord a = TrajectoryFilesTest.record(1, 0, 3.0);
        TrajectoryRecord b = TrajectoryFilesTest.record(2, 0, 3.5);
        TrajectoryRecord c = TrajectoryFilesTest.record(3, 0, 4.0);
        long lineBytes = Json.mapper().writeValueAsBytes(a).length + 1;
        FullDisk disk = new FullDisk(FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ),
                lineBytes + 10); // room for one record and 10 bytes of the next
        try (JsonLinesTrajectoryWriter w = new JsonLinesTrajectoryWriter(f, disk)) {
            w.accept(a);
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> w.accept(b));
            assertTrue(e.getMessage().contains("t.jsonl") && e.getMessage().contains("No space left"), e.getMessage());
            assertEquals(lineBytes, Files.size(f), "the 10 bytes of the cut record are gone");
            disk.room = Long.MAX_VALUE; // space freed
            w.accept(c);
        }
        TrajectoryReader.Trajectory t = TrajectoryReader.read(f);
        assertEquals(List.of(a, c), t.records());
        assertTrue(t.warnings().isEmpty(), t.warnings().toString());
    }
}
