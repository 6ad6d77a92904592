package dev.statsigjdbc.driver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the last check before an attached database lets through: one SELECT, as Calcite's JDBC adapter writes it. */
class AttachedSqlCheckTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT \"order_id\" FROM \"finance\".\"orders\" WHERE \"experiment_id\" = 'checkout_v2'",
      "SELECT * FROM \"ORDERS\" WHERE \"NOTE\" = 'a; DROP TABLE x; -- ''quoted'' /* not a comment */'",
      "(SELECT 1) UNION ALL (SELECT 2)",
      "select \"into\" from \"t\"",
      "SELECT COUNT(*) FROM `orders`"})
  void oneSelectPasses(String sql) {
    assertThat(AttachedSqlCheck.problem(sql)).as(sql).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "INSERT INTO orders VALUES (1)", "  delete from orders", "UPDATE orders SET x = 1", "MERGE INTO t USING s ON 1 = 1",
      "WITH d AS (DELETE FROM orders RETURNING *) SELECT * FROM d", "CALL wipe()", "{call wipe()}", "EXPLAIN ANALYZE DELETE FROM t",
      "SELECT 1; DELETE FROM orders", "SELECT 1;", "SELECT * INTO copy FROM orders", "SELECT 1 -- DELETE",
      "SELECT 1 /* */", "SELECT 1 # mysql comment", "SELECT 'a\\'; DELETE FROM orders; --'", "SELECT \"a\\\"\"",
      "SELECT 'unterminated", "", "   ", "SET transaction_read_only = off", "VALUES (1)", "1", "; SELECT 1"})
  void anythingElseIsRefused(String sql) {
    assertThat(AttachedSqlCheck.problem(sql)).as(sql).isNotNull();
  }
}
