package dev.statsigjdbc.driver.vault;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Owner-only files written atomically: a temp file in the same directory (so the rename stays on one file
 * system), forced to disk, then moved over the target with ATOMIC_MOVE, so readers see the old or the new
 * file, never a half-written one.
 */
public final class PrivateFiles {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {
    }

    /** FileLock is per JVM, not per thread: threads of one JVM queue here first. */
    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    /** Work done while holding a lock; may fail with an IOException. */
    @FunctionalInterface
    public interface LockedAction<T> {
        T run() throws IOException;
    }

    /**
     * Runs {@code action} as the only holder of {@code lockFile} across the threads of this JVM and across JVMs
     * (a JVM lock, then a {@link FileLock}), for read-modify-write of a file beside it.
     */
    public static <T> T exclusively(Path lockFile, LockedAction<T> action) throws IOException {
        Path lock = lockFile.toAbsolutePath().normalize();
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(lock, path -> new ReentrantLock());
        jvmLock.lock();
        try {
            createPrivateDirectory(lock.getParent());
            try (FileChannel channel = FileChannel.open(lock, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), ownerReadWrite());
                 FileLock ignored = channel.lock()) {
                return action.run();
            }
        } finally {
            jvmLock.unlock();
        }
    }

    public static void createPrivateDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (POSIX) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    public static FileAttribute<?>[] ownerReadWrite() {
        return POSIX
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    public static void writeAtomically(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        createPrivateDirectory(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp", ownerReadWrite());
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
