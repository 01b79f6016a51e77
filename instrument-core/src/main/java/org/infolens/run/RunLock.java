package org.infolens.run;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lock file in a run directory: one writer at a time (a run, a recompute, a report --watch), so two
 * processes never append to one trajectory. The file holds the owner's pid, host and start time; a
 * lock left by a process that died on this host is taken over, one held by a live process (or on another
 * host, which cannot be checked) is refused with a message naming its owner. Created with CREATE_NEW, so
 * of two processes racing for it exactly one wins.
 */
public final class RunLock implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunLock.class);
    private static final String HOST = host();

    private final Path file;
    private boolean released;

    private RunLock(Path file) {
        this.file = file;
    }

    /** The owner a lock file names. */
    public record Owner(long pid, String host, String purpose, String since) {

        /** Whether the owner is known to be gone: a pid on this host that no longer runs. */
        boolean dead() {
            return gone(pid, host);
        }

        @Override
        public String toString() {
            return purpose + " by pid " + pid + " on " + host + " since " + since;
        }
    }

    /** Whether process {@code pid} on {@code host} is known to be gone: this host, and no such live process (another host cannot be checked). */
    public static boolean gone(long pid, String host) {
        return host().equals(host) && ProcessHandle.of(pid).map(ph -> !ph.isAlive()).orElse(true);
    }

    /** The lock file of {@code lockName} ({@code run.lock}, {@code report.lock}) in {@code directory}. */
    public static Path file(Path directory, String lockName) {
        return directory.resolve(lockName);
    }

    /**
     * Takes {@code lockName} in {@code directory} (created if needed) for {@code purpose} ("run", "recompute").
     * Throws IllegalArgumentException naming the owner when a live process holds it.
     */
    public static RunLock acquire(Path directory, String lockName, String purpose) throws IOException {
        Files.createDirectories(directory);
        Path f = file(directory, lockName);
        String mine = ProcessHandle.current().pid() + "\n" + HOST + "\n" + purpose + "\n" + Instant.now() + "\n";
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                Files.writeString(f, mine, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return new RunLock(f);
            } catch (FileAlreadyExistsException e) {
                Optional<Owner> owner = ownerOnceWritten(f);
                if (owner.isPresent() && !owner.get().dead() || owner.isEmpty() && justWritten(f)) {
                    throw busy(directory, f, owner.orElse(null));
                }
                // A stale lock (its process died without closing): take it over, once; a racer that wins the retry holds it.
                log.warn("{}: taking over a stale lock ({})", f, owner.map(Owner::toString).orElse("unreadable"));
                Files.deleteIfExists(f);
            }
        }
        throw busy(directory, f, ownerOnceWritten(f).orElse(null));
    }

    /** Throws, naming the owner, when a live process holds {@code lockName} in {@code directory}; takes nothing. */
    public static void check(Path directory, String lockName) throws IOException {
        Path f = file(directory, lockName);
        Optional<Owner> owner = owner(f);
        if (owner.isPresent() && !owner.get().dead()) {
            throw busy(directory, f, owner.get());
        }
    }

    /**
     * The owner of {@code f}, waiting up to a second while it is empty or partial: CREATE_NEW makes the
     * file before its owner's line is in it, and a racer that reads it then should still name the winner.
     */
    private static Optional<Owner> ownerOnceWritten(Path f) throws IOException {
        Optional<Owner> owner = owner(f);
        for (int wait = 0; owner.isEmpty() && wait < 50 && justWritten(f); wait++) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            owner = owner(f);
        }
        return owner;
    }

    /** An unreadable lock younger than this may be one its owner is still writing: not stale. */
    private static boolean justWritten(Path f) throws IOException {
        try {
            return Files.getLastModifiedTime(f).toInstant().isAfter(Instant.now().minusSeconds(10));
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private static IllegalArgumentException busy(Path directory, Path f, Owner owner) {
        return new IllegalArgumentException(directory + " is in use: " + (owner == null ? "locked" : owner) + " (lock file " + f
                + "; remove it only if that process is gone)");
    }

    /** Who holds {@code f}, or empty when there is no lock file or it cannot be read (a crash while writing it). */
    static Optional<Owner> owner(Path f) throws IOException {
        String text;
        try {
            if (Files.size(f) > 4096) {
                return Optional.empty();
            }
            text = Files.readString(f, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        String[] lines = text.split("\n");
        if (lines.length < 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Owner(Long.parseLong(lines[0].trim()), lines[1].trim(), lines[2].trim(), lines[3].trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** This machine's name, as lock files record it. */
    public static String host() {
        String h = HOST;
        if (h != null) {
            return h;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            String env = System.getenv("HOSTNAME");
            return env == null ? "localhost" : env;
        }
    }

    public Path file() {
        return file;
    }

    /** Deletes the lock file. Idempotent. */
    @Override
    public synchronized void close() {
        if (released) {
            return;
        }
        released = true;
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.error("cannot remove the lock {}: {}", file, e.getMessage());
        }
    }
}
