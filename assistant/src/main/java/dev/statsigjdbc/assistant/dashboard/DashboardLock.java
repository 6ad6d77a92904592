package dev.statsigjdbc.assistant.dashboard;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One writer at a time per dashboard file, across threads and processes: a lock in this JVM
 * (file locks belong to the whole process, and a second lock of the same file from one JVM
 * throws instead of waiting) around an exclusive {@link FileLock} on a lock file beside it. The
 * lock file stays when the dashboard is deleted: removing it could let two processes hold
 * locks on different files of the same name.
 */
final class DashboardLock {
  private static final ConcurrentMap<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

  /** Work done while holding the lock. */
  interface Locked<T> {
    T run() throws IOException;
  }

  private DashboardLock() {}

  static <T> T holding(Path lockFile, Locked<T> work) throws IOException {
    ReentrantLock local = IN_THIS_JVM.computeIfAbsent(lockFile.toAbsolutePath().normalize(), p -> new ReentrantLock());
    local.lock();
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock ignored = channel.lock()) {
      return work.run();
    } finally {
      local.unlock();
    }
  }
}
