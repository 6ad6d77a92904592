package dev.statsigjdbc.driver.jdbc;

import static dev.statsigjdbc.driver.jdbc.StatsigEmulator.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statsigjdbc.emulator.EmulatorConfig;
import dev.statsigjdbc.emulator.EmulatorServer;
import dev.statsigjdbc.emulator.api.PageLimits;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pages as large as the server gives: a scan asks for {@code pageSize} rows a page (1000 by
 * default) and follows what comes back. Against servers that serve, cap or refuse large pages,
 * the rows are those of pages of 100, and the calls are counted.
 */
class PagingTest {
  @RegisterExtension
  static final StatsigEmulator emulator = new StatsigEmulator();

  private static final String SQL = "SELECT id, name, is_enabled FROM gates";
  private static final String TOOL = "Get_List_of_Gates";
  private static List<Map<String, Object>> pagesOf100;

  @BeforeAll
  static void readInPagesOf100() throws SQLException {
    try (Connection connection = emulator.connect("pageSize=100")) {
      emulator.server.stats().reset();
      pagesOf100 = rows(connection, SQL);
      assertThat(emulator.server.stats().snapshot().calls(TOOL)).as("120 gates in pages of 100").isEqualTo(2);
    }
    assertThat(pagesOf100).hasSize(120);
  }

  @Test
  void aScanReadsLargePagesWhereTheServerServesThem() throws SQLException {
    try (Connection connection = emulator.connect()) {
      emulator.server.stats().reset();
      assertThat(rows(connection, SQL)).isEqualTo(pagesOf100);
      assertThat(emulator.server.stats().snapshot().calls(TOOL)).isEqualTo(1);
    }
  }

  @Test
  void aServerThatServesFewerRowsThanAskedIsReadAtItsCap() throws SQLException {
    try (EmulatorServer capped = start(PageLimits.cappedAt(50)); Connection connection = connect(capped)) {
      assertThat(rows(connection, SQL)).as("every row once, none skipped").isEqualTo(pagesOf100);
      assertThat(capped.stats().snapshot().calls(TOOL)).as("pages of 50: the first asked for 1000").isEqualTo(3);
    }
  }

  @Test
  void aRefusedLargeLimitFallsBackToPagesOf100OnceForTheConnection() throws SQLException {
    try (EmulatorServer refusing = start(PageLimits.refusingAbove(100)); Connection connection = connect(refusing, "0")) {
      assertThat(rows(connection, SQL)).isEqualTo(pagesOf100);
      assertThat(refusing.stats().snapshot().calls(TOOL)).as("one refused call, then two pages of 100").isEqualTo(3);
      refusing.stats().reset();
      assertThat(rows(connection, "SELECT id FROM experiments")).hasSize(60);
      assertThat(rows(connection, SQL)).hasSize(120);
      assertThat(refusing.stats().snapshot().total()).as("the connection remembers: pages of 100, no refused call again")
          .isEqualTo(1 + 2);
    }
  }

  @Test
  void aLimitSetsThePageOfAShortRead() throws SQLException {
    try (EmulatorServer refusing = start(PageLimits.refusingAbove(10)); Connection connection = connect(refusing)) {
      assertThat(rows(connection, "SELECT id FROM gates LIMIT 7")).hasSize(7);
      assertThat(refusing.stats().snapshot().calls(TOOL)).as("a page of 7, never refused").isEqualTo(1);
    }
  }

  @Test
  void aPageSizeThatIsNotAPositiveNumberIsRefusedNamingTheProperty() {
    assertThatThrownBy(() -> emulator.connect("pageSize=0").close()).isInstanceOf(SQLException.class)
        .hasMessageContaining("pageSize").hasMessageContaining("at least 1");
  }

  private static EmulatorServer start(PageLimits limits) {
    return EmulatorServer.start(EmulatorConfig.defaults().today(StatsigEmulator.TODAY)
        .apiKey(StatsigEmulator.API_KEY, false).pageLimits(limits));
  }

  private static Connection connect(EmulatorServer server) throws SQLException {
    return connect(server, "300");
  }

  private static Connection connect(EmulatorServer server, String cacheTtlSeconds) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("apiKey", StatsigEmulator.API_KEY);
    properties.setProperty("cacheTtlSeconds", cacheTtlSeconds);
    return DriverManager.getConnection(StatsigDriver.PREFIX + "url=" + server.mcpUrl(), properties);
  }
}
