package dev.statsigjdbc.adapter.testing;

import dev.statsigjdbc.adapter.StatsigOptions;
import dev.statsigjdbc.adapter.StatsigSchemaFactory;
import dev.statsigjdbc.adapter.source.ToolSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.calcite.jdbc.CalciteConnection;

/** A real Calcite JDBC connection with the statsig schema mounted, and small query helpers. */
public final class Sql implements AutoCloseable {

  private final Connection connection;

  private Sql(Connection connection) {
    this.connection = connection;
  }

  public static Sql connect(ToolSource source, StatsigOptions options) throws SQLException {
    Properties info = new Properties();
    info.setProperty("caseSensitive", "false");
    Connection connection = DriverManager.getConnection("jdbc:calcite:", info);
    CalciteConnection calcite = connection.unwrap(CalciteConnection.class);
    StatsigSchemaFactory.mount(calcite.getRootSchema(), StatsigSchemaFactory.DEFAULT_SCHEMA_NAME, source, options);
    return new Sql(connection);
  }

  public static Sql connect(ToolSource source) throws SQLException {
    return connect(source, StatsigOptions.defaults());
  }

  public Connection connection() {
    return connection;
  }

  /** Rows as maps from lower-case column label to value. */
  public List<Map<String, Object>> rows(String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      List<Map<String, Object>> rows = new ArrayList<>();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  public String explain(String sql) throws SQLException {
    StringBuilder plan = new StringBuilder();
    for (Map<String, Object> row : rows("EXPLAIN PLAN FOR " + sql)) {
      row.values().forEach(v -> plan.append(v).append('\n'));
    }
    return plan.toString();
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
