package dev.statsigjdbc.driver.jdbc;

import static dev.statsigjdbc.driver.jdbc.StatsigEmulator.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statsigjdbc.adapter.catalog.TableCatalog;
import dev.statsigjdbc.adapter.catalog.TableSpec;
import dev.statsigjdbc.driver.connect.StatsigProperty;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What sqlline's !tables / !columns and DBeaver's navigator ask of DatabaseMetaData, and getPropertyInfo. */
class MetaDataTest {
  @RegisterExtension
  static final StatsigEmulator emulator = new StatsigEmulator();
  private static Connection connection;
  private static DatabaseMetaData meta;

  @BeforeAll
  static void connect() throws Exception {
    connection = emulator.connect();
    meta = connection.getMetaData();
  }

  @AfterAll
  static void close() throws Exception {
    connection.close();
  }

  @Test
  void theDriverIsFoundByItsPrefixAndNamesItself() throws Exception {
    Driver driver = DriverManager.getDriver(emulator.url());

    assertThat(driver).isInstanceOf(StatsigDriver.class);
    assertThat(driver.acceptsURL("jdbc:calcite:")).isFalse();
    assertThat(meta.getDriverName()).isEqualTo("Statsig JDBC Driver");
    assertThat(meta.getConnection()).isSameAs(connection);
  }

  @Test
  void getTablesListsEveryCuratedTableWithRemarks() throws Exception {
    List<Map<String, Object>> tables = rows(meta.getTables(null, "statsig", "%", null));

    assertThat(tables).extracting(t -> t.get("table_name")).contains("experiments", "experiment_groups",
        "experiment_results", "gates", "gate_rules", "gate_results", "metrics", "metric_values", "tags", "audit_logs",
        "statsig_tools");
    assertThat(tables).filteredOn(t -> "experiments".equals(t.get("table_name")))
        .extracting(t -> t.get("remarks")).singleElement().asString().startsWith("Experiments of the project");
  }

  /** A documented table whose tools the server does not expose is absent, and querying it says why. */
  @Test
  void aTableWhoseToolsAreNotExposedSaysWhyItIsMissing() throws Exception {
    try (Connection hidden = emulator.connect("blockTools=Get_List_of_Tags,Get_Tag_by_ID")) {
      assertThat(rows(hidden.getMetaData().getTables(null, "statsig", "%", null)))
          .extracting(t -> t.get("table_name")).contains("experiments").doesNotContain("tags");

      assertThatThrownBy(() -> rows(hidden, "SELECT name FROM tags WHERE id = 'north_star'"))
          .isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo(SqlState.UNDEFINED_TABLE.code());
            assertThat(e.getMessage()).startsWith("Table 'tags' is not available from this server: it needs the operation"
                + " GET /console/v1/tags").contains("which the server does not publish as a tool SQL may call")
                .contains("statsig_tools");
          });
      assertThatThrownBy(() -> rows(hidden, "SELECT * FROM no_such_table"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getMessage())
              .startsWith("Table 'no_such_table' does not exist."));
    }
  }

  @Test
  void getColumnsGivesTypesAndTheCatalogsRemarks() throws Exception {
    List<Map<String, Object>> columns = rows(meta.getColumns(null, "statsig", "experiment_results", "%"));

    TableSpec spec = TableCatalog.load().tables().stream()
        .filter(t -> t.name().equals("experiment_results")).findFirst().orElseThrow();
    assertThat(columns).extracting(c -> c.get("column_name"))
        .containsExactlyElementsOf(spec.columns().stream().map(c -> c.name()).toList());
    assertThat(columns).extracting(c -> c.get("remarks"))
        .containsExactlyElementsOf(spec.columns().stream().map(c -> c.remarks()).toList());
    assertThat(columns).filteredOn(c -> "p_value".equals(c.get("column_name")))
        .extracting(c -> ((Number) c.get("data_type")).intValue()).containsExactly(Types.DOUBLE);
  }

  @Test
  void keyColumnsAreMachineReadableAfterJdbcsOwnColumns() throws Exception {
    List<Map<String, Object>> values = rows(meta.getColumns(null, "statsig", "metric_values", "%"));
    assertThat(values).filteredOn(c -> "YES".equals(c.get("is_required_filter")))
        .extracting(c -> c.get("column_name") + " " + c.get("filter_operators"))
        .containsExactly("metric_id =,IN", "ds =,IN,RANGE");
    assertThat(values).filteredOn(c -> "value".equals(c.get("column_name")))
        .extracting(c -> c.get("filter_operators") + " " + c.get("is_required_filter") + " " + c.get("is_primary_key"))
        .containsExactly("null NO NO");
    assertThat(rows(meta.getColumns(null, "statsig", "experiments", "id")))
        .extracting(c -> c.get("is_primary_key") + " " + c.get("is_required_filter")).containsExactly("YES NO");
    assertThat(rows(meta.getTables(null, "statsig", "experiment_results", null)))
        .extracting(t -> t.get("example_query"))
        .containsExactly("SELECT * FROM statsig.experiment_results WHERE experiment_id = 'checkout_v2'");
  }

  @Test
  void getPrimaryKeysNamesTheIdOfEntityTables() throws Exception {
    assertThat(rows(meta.getPrimaryKeys(null, "statsig", "experiments")))
        .extracting(k -> k.get("column_name") + "@" + k.get("key_seq"))
        .containsExactly("id@1");
    assertThat(rows(meta.getPrimaryKeys(null, "statsig", "experiment_results"))).isEmpty();
    assertThat(rows(meta.getPrimaryKeys(null, null, null))).extracting(k -> k.get("table_name"))
        .contains("experiments", "gates", "metrics", "tags");
  }

  @Test
  void getTypeInfoListsTheTypesTheTablesUse() throws Exception {
    assertThat(rows(meta.getTypeInfo())).extracting(t -> t.get("type_name"))
        .contains("VARCHAR", "DOUBLE", "BIGINT", "BOOLEAN", "TIMESTAMP", "DATE");
  }

  @Test
  void getPropertyInfoListsEveryPropertyWithItsDescriptionAndDefault() throws Exception {
    DriverPropertyInfo[] info = new StatsigDriver().getPropertyInfo("jdbc:statsig:cacheTtlSeconds=60", new Properties());

    assertThat(info).extracting(p -> p.name)
        .containsExactlyElementsOf(Arrays.stream(StatsigProperty.values()).map(StatsigProperty::key).toList());
    assertThat(info).allSatisfy(p -> assertThat(p.description).isNotBlank());
    assertThat(info).filteredOn(p -> p.name.equals("cacheTtlSeconds")).extracting(p -> p.value).containsExactly("60");
    assertThat(info).filteredOn(p -> p.name.equals("url")).extracting(p -> p.value)
        .containsExactly(StatsigProperty.URL.defaultValue());
  }
}
