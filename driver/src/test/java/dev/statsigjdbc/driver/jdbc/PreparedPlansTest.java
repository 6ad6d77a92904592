package dev.statsigjdbc.driver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Plain statements run their queries on plans kept per connection; limits and results never leak between them. */
class PreparedPlansTest {
  @RegisterExtension
  static final StatsigEmulator emulator = new StatsigEmulator();

  private static final String ACTIVE = "SELECT id FROM experiments WHERE status = 'active' ORDER BY id";

  @Test
  void aKeptPlanTakesEachStatementsOwnRowLimit() throws Exception {
    try (Connection connection = emulator.connect()) {
      List<Map<String, Object>> all = StatsigEmulator.rows(connection, ACTIVE);
      assertThat(all).hasSizeGreaterThan(3);
      try (Statement limited = connection.createStatement()) {
        limited.setMaxRows(2);
        assertThat(StatsigEmulator.rows(limited.executeQuery(ACTIVE))).isEqualTo(all.subList(0, 2));
      }
      assertThat(StatsigEmulator.rows(connection, ACTIVE)).as("the limit stayed with its statement").isEqualTo(all);
    }
  }

  @Test
  void twoOpenStatementsWithTheSameSqlReadTheirOwnRows() throws Exception {
    try (Connection connection = emulator.connect();
        Statement first = connection.createStatement();
        Statement second = connection.createStatement()) {
      List<Map<String, Object>> expected = StatsigEmulator.rows(connection, ACTIVE);
      ResultSet a = first.executeQuery(ACTIVE);
      ResultSet b = second.executeQuery(ACTIVE);
      List<Object> fromA = new ArrayList<>();
      List<Object> fromB = new ArrayList<>();
      while (a.next() & b.next()) { // interleaved on purpose
        fromA.add(a.getString(1));
        fromB.add(b.getString(1));
      }
      List<Object> ids = expected.stream().map(row -> row.get("id")).toList();
      assertThat(fromA).isEqualTo(ids);
      assertThat(fromB).isEqualTo(ids);
    }
  }

  @Test
  void executeAnswersAsJdbcSaysForAQueryOnAKeptPlan() throws Exception {
    try (Connection connection = emulator.connect(); Statement statement = connection.createStatement()) {
      for (int run = 0; run < 2; run++) {
        assertThat(statement.execute(ACTIVE)).isTrue();
        ResultSet rows = statement.getResultSet();
        assertThat(rows.getStatement()).isSameAs(statement);
        assertThat(rows.next()).isTrue();
        assertThat(statement.getUpdateCount()).isEqualTo(-1);
        assertThat(statement.getMoreResults()).isFalse();
        assertThat(rows.isClosed()).as("getMoreResults closes the current result").isTrue();
        assertThat(statement.getResultSet()).isNull();
      }
    }
  }

  @Test
  void reExecutingAStatementClosesItsPreviousResult() throws Exception {
    try (Connection connection = emulator.connect(); Statement statement = connection.createStatement()) {
      ResultSet first = statement.executeQuery(ACTIVE);
      ResultSet second = statement.executeQuery(ACTIVE);
      assertThat(first.isClosed()).isTrue();
      assertThat(second.next()).isTrue();
    }
  }

  @Test
  void aFailedQueryIsReportedAndTheNextOneRuns() throws Exception {
    try (Connection connection = emulator.connect(); Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM experiment_exposures"))
          .isInstanceOf(SQLException.class).hasMessageContaining("experiment_id");
      assertThat(StatsigEmulator.rows(statement.executeQuery(ACTIVE))).isNotEmpty();
    }
  }

  @Test
  void keepsAtMostItsCapacityAndClosesWhatItDoesNotKeep() throws Exception {
    try (Connection calcite = DriverManager.getConnection("jdbc:calcite:")) {
      PreparedPlans plans = new PreparedPlans();
      List<PreparedStatement> given = new ArrayList<>();
      for (int i = 0; i <= PreparedPlans.CAPACITY; i++) {
        PreparedStatement plan = calcite.prepareStatement("VALUES " + i);
        given.add(plan);
        plans.give("VALUES " + i, plan);
      }
      assertThat(plans.idleCount()).isEqualTo(PreparedPlans.CAPACITY);
      assertThat(given.get(0).isClosed()).as("the least recently used plan").isTrue();
      assertThat(plans.take("VALUES 0")).isNull();

      PreparedStatement duplicate = calcite.prepareStatement("VALUES 1");
      plans.give("VALUES 1", duplicate);
      assertThat(duplicate.isClosed()).as("one idle plan per SQL text").isTrue();
      assertThat(plans.take("VALUES 1")).isSameAs(given.get(1));

      plans.close();
      assertThat(given.get(PreparedPlans.CAPACITY).isClosed()).isTrue();
      PreparedStatement late = calcite.prepareStatement("VALUES 1");
      plans.give("VALUES 1", late);
      assertThat(late.isClosed()).as("given back after the connection closed").isTrue();
    }
  }
}
