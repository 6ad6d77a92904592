package dev.statsigjdbc.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.jdbc.JdbcMeta;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.TypedValue;

/**
 * Avatica's JDBC bridge over the server's own {@code jdbc:statsig:} URL and properties.
 *
 * <p>Connection properties a remote client sends are dropped: they would otherwise override the
 * server's ({@code url} pointing anywhere, {@code vaultDir}, or {@code attach.*.url} opening any JDBC
 * URL the server's class path can reach). And the driver's SQLState (25006 for a refused write,
 * 22023 for a missing filter, ...) reaches the client: JdbcMeta wraps a SQLException in a plain
 * RuntimeException, which Avatica reports with SQLState 00000. A JSON request that leaves out
 * {@code maxRowsInFirstFrame} (0) would get an empty first frame marked done, so a hand-written
 * client would see no rows: 0 means the first {@value #FIRST_FRAME_ROWS} rows instead. Each remote
 * connection leases a warm {@code jdbc:statsig:} connection from {@link ServeSessions}.
 */
final class ServeJdbcMeta extends JdbcMeta {
  static final int FIRST_FRAME_ROWS = 100;

  private final ServeSessions sessions;

  ServeJdbcMeta(String url, Properties properties) throws SQLException {
    super(url, properties);
    this.sessions = new ServeSessions(() -> DriverManager.getConnection(url, properties), Clock.systemUTC());
  }

  @Override
  protected Connection createConnection(String url, Properties info) throws SQLException {
    return sessions.lease();
  }

  @Override
  public void openConnection(ConnectionHandle ch, Map<String, String> clientProperties) {
    super.openConnection(ch, Map.of());
  }

  @Override
  public StatementHandle prepare(ConnectionHandle ch, String sql, long maxRowCount) {
    try {
      return super.prepare(ch, sql, maxRowCount);
    } catch (RuntimeException e) {
      throw withSqlState(e);
    }
  }

  @Override
  public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount, int maxRowsInFirstFrame,
      PrepareCallback callback) throws NoSuchStatementException {
    try {
      return super.prepareAndExecute(h, sql, maxRowCount, firstFrame(maxRowsInFirstFrame), callback);
    } catch (RuntimeException e) {
      throw withSqlState(e);
    }
  }

  @Override
  public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues, int maxRowsInFirstFrame)
      throws NoSuchStatementException {
    try {
      return super.execute(h, parameterValues, firstFrame(maxRowsInFirstFrame));
    } catch (RuntimeException e) {
      throw withSqlState(e);
    }
  }

  @Override
  public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount)
      throws NoSuchStatementException, MissingResultsException {
    try {
      return super.fetch(h, offset, fetchMaxRowCount);
    } catch (RuntimeException e) {
      throw withSqlState(e);
    }
  }

  /** Closes every connection remote clients left open (the cache's removal listener closes them), and the warm ones. */
  void closeAll() {
    getConnectionCache().invalidateAll();
    getConnectionCache().cleanUp();
    sessions.close();
  }

  ServeSessions sessions() {
    return sessions;
  }

  private static int firstFrame(int maxRowsInFirstFrame) {
    return maxRowsInFirstFrame == 0 ? FIRST_FRAME_ROWS : maxRowsInFirstFrame;
  }

  private static RuntimeException withSqlState(RuntimeException e) {
    if (e.getCause() instanceof SQLException sql && !(e instanceof AvaticaRuntimeException)) {
      return new AvaticaRuntimeException(sql.getMessage(), sql.getErrorCode(), sql.getSQLState(),
          AvaticaSeverity.ERROR);
    }
    return e;
  }
}
