package dev.statsigjdbc.cli;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Warm {@code jdbc:statsig:} connections (each an MCP session with its tool list and schema) kept
 * between remote clients' connections. BI tools such as Superset open a new Avatica connection for
 * every query; without this each chart of a dashboard would pay an MCP handshake and tool discovery.
 *
 * <p>A remote client gets a lease: closing it closes the statements made through it, puts the
 * schema back and returns the connection for the next client. At most {@value #MAX_IDLE} wait; one
 * idle longer than {@link #IDLE_LIMIT} is closed instead of reused.
 */
final class ServeSessions implements AutoCloseable {
  static final int MAX_IDLE = 8;
  static final Duration IDLE_LIMIT = Duration.ofMinutes(5);
  private static final Set<String> MAKES_STATEMENTS = Set.of("createStatement", "prepareStatement", "prepareCall");

  /** Opens a new underlying connection. */
  interface Opener {
    Connection open() throws SQLException;
  }

  private record Idle(Connection connection, Instant since) {}

  private final Opener opener;
  private final Clock clock;
  private final Deque<Idle> idle = new ArrayDeque<>();
  private boolean closed;
  private long opened;

  ServeSessions(Opener opener, Clock clock) {
    this.opener = opener;
    this.clock = clock;
  }

  /** A warm connection when one waits, else a new one; closing the lease gives it back. */
  Connection lease() throws SQLException {
    Connection warm = takeIdle();
    Connection real = warm != null ? warm : openNew();
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        new Lease(real, real.getSchema()));
  }

  private Connection openNew() throws SQLException {
    Connection real = opener.open();
    synchronized (this) {
      opened++;
    }
    return real;
  }

  /** How many connections wait for a client now. */
  synchronized int idleCount() {
    return idle.size();
  }

  /** How many underlying connections (MCP sessions) were opened so far. */
  synchronized long openedCount() {
    return opened;
  }

  private Connection takeIdle() {
    List<Connection> expired = new ArrayList<>();
    Connection found = null;
    synchronized (this) {
      Instant oldest = clock.instant().minus(IDLE_LIMIT);
      while (found == null && !idle.isEmpty()) {
        Idle next = idle.pollFirst();
        if (next.since().isBefore(oldest)) {
          expired.add(next.connection());
        } else {
          found = next.connection();
        }
      }
    }
    expired.forEach(ServeSessions::closeQuietly);
    return found;
  }

  private void giveBack(Connection real) {
    synchronized (this) {
      if (!closed && idle.size() < MAX_IDLE) {
        idle.addFirst(new Idle(real, clock.instant()));
        return;
      }
    }
    closeQuietly(real);
  }

  @Override
  public void close() {
    List<Idle> closing;
    synchronized (this) {
      closed = true;
      closing = new ArrayList<>(idle);
      idle.clear();
    }
    closing.forEach(i -> closeQuietly(i.connection()));
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // An MCP session that cannot be closed cleanly ends with the server's idle timeout.
    }
  }

  /** One client's use of a connection. */
  private final class Lease implements InvocationHandler {
    private final Connection real;
    private final String schema;
    private final List<Statement> statements = new ArrayList<>();
    private boolean released;

    Lease(Connection real, String schema) {
      this.real = real;
      this.schema = schema;
    }

    @Override
    public synchronized Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "close":
          release();
          return null;
        case "isClosed":
          return released || real.isClosed();
        case "toString":
          return "ServeSessions.Lease[" + real + "]";
        case "hashCode":
          return System.identityHashCode(proxy);
        case "equals":
          return proxy == args[0];
        default:
          break;
      }
      if (released) {
        throw new SQLException("This connection is closed", "08003");
      }
      try {
        Object result = method.invoke(real, args);
        if (MAKES_STATEMENTS.contains(method.getName())) {
          statements.add((Statement) result);
        }
        return result;
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }

    private void release() {
      if (released) {
        return;
      }
      released = true;
      statements.forEach(ServeSessions::closeQuietly);
      try {
        if (real.isClosed()) {
          return;
        }
        if (schema != null && !schema.equals(real.getSchema())) {
          real.setSchema(schema);
        }
      } catch (SQLException broken) {
        closeQuietly(real);
        return;
      }
      giveBack(real);
    }
  }
}
