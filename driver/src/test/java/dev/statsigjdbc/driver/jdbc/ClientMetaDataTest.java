package dev.statsigjdbc.driver.jdbc;

import static dev.statsigjdbc.driver.jdbc.StatsigEmulator.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.statsigjdbc.adapter.catalog.TableCatalog;
import dev.statsigjdbc.adapter.catalog.TableSpec;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DatabaseMetaData asked the way DBeaver's navigator and sqlline's !tables, !columns, !dbinfo,
 * !primarykeys, !importedkeys and !indexes ask it: filters and patterns, type filters, every
 * no-argument answer, and nothing secret in the URL or user name.
 */
class ClientMetaDataTest {
  @RegisterExtension
  static final StatsigEmulator emulator = new StatsigEmulator();
  private static Connection connection;
  private static DatabaseMetaData meta;
  private static List<String> curatedTables;

  @BeforeAll
  static void connect() throws Exception {
    connection = emulator.connect();
    meta = connection.getMetaData();
    curatedTables = TableCatalog.load().tables().stream().map(TableSpec::name).toList();
  }

  @AfterAll
  static void close() throws Exception {
    connection.close();
  }

  @Test
  void catalogsAndSchemasWithPatterns() throws Exception {
    assertThat(rows(meta.getCatalogs())).hasSizeLessThanOrEqualTo(1);
    assertThat(column(meta.getSchemas(), "table_schem")).contains("statsig");
    assertThat(column(meta.getSchemas(null, "stat%"), "table_schem")).containsExactly("statsig");
    assertThat(column(meta.getSchemas(null, "STATSIG"), "table_schem")).isEmpty();
    assertThat(column(meta.getSchemas(null, "nothing%"), "table_schem")).isEmpty();
    assertThat(connection.getSchema()).isEqualTo("statsig");
  }

  @Test
  void tableTypesIncludeEveryTypeGetTablesReports() throws Exception {
    List<String> types = column(meta.getTableTypes(), "table_type");

    assertThat(types).containsExactly("SYSTEM TABLE", "TABLE", "VIEW");
    assertThat(column(meta.getTables(null, null, "%", null), "table_type")).allMatch(types::contains);
  }

  @Test
  void getTablesFiltersByType() throws Exception {
    List<String> tables = qualified(meta.getTables(null, null, "%", new String[] {"TABLE"}));
    List<String> system = qualified(meta.getTables(null, null, "%", new String[] {"SYSTEM TABLE"}));

    // Curated tables whose tools the server publishes (the emulator's default set lacks exposure_counts' tool).
    assertThat(curatedTables.stream().map(t -> "statsig." + t).toList()).containsAll(tables);
    assertThat(tables).contains("statsig.experiments", "statsig.gates", "statsig.metric_values", "statsig.audit_logs");
    assertThat(system).contains("statsig.statsig_tools").doesNotContainAnyElementsOf(tables);
    assertThat(qualified(meta.getTables(null, null, "%", new String[] {"VIEW"}))).isEmpty();
    assertThat(qualified(meta.getTables(null, null, "%", null))).containsAll(tables).containsAll(system);
    assertThat(qualified(meta.getTables(null, null, "%", new String[] {"TABLE", "SYSTEM TABLE"})))
        .hasSize(tables.size() + system.size());
  }

  @Test
  void getTablesMatchesNamePatternsWithEscapes() throws Exception {
    assertThat(column(meta.getTables(null, "statsig", "experiment%", null), "table_name"))
        .containsExactlyInAnyOrder("experiments", "experiment_groups", "experiment_metrics", "experiment_results",
            "experiment_exposures");
    assertThat(column(meta.getTables(null, "statsig", "gate\\_rules", null), "table_name")).containsExactly("gate_rules");
    assertThat(column(meta.getTables(null, "statsig", "gate_rules", null), "table_name")).containsExactly("gate_rules");
  }

  @Test
  void getColumnsWithPatternsGivesTypesNullabilityAndRemarks() throws Exception {
    List<Map<String, Object>> columns = rows(meta.getColumns(null, "stat%", "experiment\\_groups", "%"));

    TableSpec spec = TableCatalog.load().tables().stream().filter(t -> t.name().equals("experiment_groups"))
        .findFirst().orElseThrow();
    assertThat(columns).extracting(c -> c.get("column_name"))
        .containsExactlyElementsOf(spec.columns().stream().map(c -> c.name()).toList());
    assertThat(columns).extracting(c -> c.get("ordinal_position"))
        .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, columns.size()).boxed().toList());
    assertThat(columns).allSatisfy(c -> {
      assertThat(((Number) c.get("nullable")).intValue()).isEqualTo(DatabaseMetaData.columnNullable);
      assertThat(c.get("is_nullable")).isEqualTo("YES");
      assertThat((String) c.get("remarks")).isNotBlank();
    });
    assertThat(jdbcType(columns, "size")).isEqualTo(Types.DOUBLE);
    assertThat(jdbcType(columns, "is_control")).isEqualTo(Types.BOOLEAN);
    assertThat(jdbcType(columns, "group_id")).isEqualTo(Types.VARCHAR);
    assertThat(jdbcType(columns, "parameter_values")).as("JSON is text").isEqualTo(Types.VARCHAR);

    assertThat(column(meta.getColumns(null, "statsig", "experiment%", "%\\_id"), "column_name"))
        .isNotEmpty().allMatch(name -> name.endsWith("_id"));
    assertThat(column(meta.getColumns(null, "statsig", "statsig_tools", null), "column_name"))
        .containsExactly("name", "action", "exposed", "reason", "description", "input_schema");
  }

  @Test
  void keysIndexesAndProceduresAnswerWithoutThrowing() throws Exception {
    assertThat(column(meta.getPrimaryKeys(null, "statsig", "gates"), "column_name")).containsExactly("id");
    assertThat(rows(meta.getImportedKeys(null, "statsig", "experiment_groups"))).isEmpty();
    assertThat(rows(meta.getExportedKeys(null, "statsig", "experiments"))).isEmpty();
    assertThat(rows(meta.getCrossReference(null, "statsig", "experiments", null, "statsig", "experiment_groups"))).isEmpty();
    assertThat(rows(meta.getIndexInfo(null, "statsig", "experiments", false, true))).isEmpty();
    assertThat(rows(meta.getProcedures(null, null, "%"))).isEmpty();
    assertThat(column(meta.getFunctions(null, "statsig", "%"), "function_name")).containsExactly("tool");
    assertThat(column(meta.getTypeInfo(), "type_name")).contains("VARCHAR", "DOUBLE", "BOOLEAN", "DATE", "TIMESTAMP");
  }

  /** sqlline's !dbinfo and DBeaver's connection info call every one of these. */
  @Test
  void everyNoArgumentMethodAnswers() throws Exception {
    List<String> failures = new ArrayList<>();
    for (Method method : DatabaseMetaData.class.getMethods()) {
      if (method.getParameterCount() > 0 || method.getDeclaringClass() != DatabaseMetaData.class) {
        continue;
      }
      try {
        if (method.invoke(meta) instanceof ResultSet rs) {
          rs.close();
        }
      } catch (InvocationTargetException e) {
        failures.add(method.getName() + ": " + e.getCause());
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void identifiersKeywordsAndCapabilities() throws Exception {
    assertThat(meta.getIdentifierQuoteString()).isEqualTo("\"");
    assertThat(meta.getSQLKeywords().split(",")).contains("LIMIT", "OFFSET", "LATERAL");
    assertThat(meta.getSearchStringEscape()).isEqualTo("\\");
    assertThat(meta.storesLowerCaseIdentifiers()).isTrue();
    assertThat(meta.supportsMixedCaseIdentifiers()).isFalse();
    assertThat(meta.supportsSchemasInDataManipulation()).isTrue();
    assertThat(meta.supportsOuterJoins()).isTrue();
    assertThat(meta.supportsSubqueriesInIns()).isTrue();
    assertThat(meta.supportsResultSetConcurrency(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)).isTrue();
    assertThat(meta.supportsResultSetConcurrency(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE)).isFalse();
    assertThat(meta.isReadOnly()).isTrue();
    assertThat(meta.supportsTransactions()).isFalse();
    assertThat(meta.supportsBatchUpdates()).isFalse();
    assertThat(meta.supportsStoredProcedures()).isFalse();
    assertThat(meta.supportsGetGeneratedKeys()).isFalse();
    assertThat(meta.getDefaultTransactionIsolation()).isEqualTo(Connection.TRANSACTION_NONE);
  }

  @Test
  void productAndDriverNamesAndVersions() throws Exception {
    assertThat(meta.getDatabaseProductName()).isEqualTo("Statsig (MCP)");
    assertThat(meta.getDatabaseProductVersion()).isEqualTo("V1");
    assertThat(meta.getDriverName()).isEqualTo("Statsig JDBC Driver");
    assertThat(meta.getDriverVersion()).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(meta.getJDBCMajorVersion()).isEqualTo(4);
  }

  @Test
  void theUrlNamesTheServerWithoutCredentialsAndConnectsAgainWithThem() throws Exception {
    String url = meta.getURL();

    assertThat(url).isEqualTo("jdbc:statsig:url=" + emulator.server.mcpUrl()).doesNotContain(StatsigEmulator.API_KEY);
    assertThat(String.valueOf(meta.getUserName())).doesNotContain(StatsigEmulator.API_KEY);
    Properties key = new Properties();
    key.setProperty("apiKey", StatsigEmulator.API_KEY);
    try (Connection again = DriverManager.getConnection(url, key)) {
      assertThat(rows(again, "SELECT id FROM gates WHERE id = 'new_onboarding'")).hasSize(1);
    }
  }

  private static int jdbcType(List<Map<String, Object>> columns, String name) {
    return columns.stream().filter(c -> name.equals(c.get("column_name"))).map(c -> ((Number) c.get("data_type")).intValue())
        .findFirst().orElseThrow();
  }

  private static List<String> column(ResultSet rs, String label) throws Exception {
    return rows(rs).stream().map(r -> (String) r.get(label)).toList();
  }

  private static List<String> qualified(ResultSet rs) throws Exception {
    return rows(rs).stream().map(r -> r.get("table_schem") + "." + r.get("table_name")).toList();
  }
}
