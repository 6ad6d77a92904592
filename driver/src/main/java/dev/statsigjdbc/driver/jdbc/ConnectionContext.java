package dev.statsigjdbc.driver.jdbc;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * What the wrappers of one connection share: how SQL is parsed, which Statsig tables exist, the
 * catalog's tables this server cannot serve (with why), and the tables of each attached database
 * (asked only when an error has to name them).
 */
record ConnectionContext(SqlParser.Config parserConfig, Supplier<List<String>> tables,
    Map<String, String> unavailableTables, Supplier<Map<String, List<String>>> attachedTables) {

  List<String> tableNames() {
    return tables.get();
  }

  /** Attached schema name to its table names, in the order the databases were attached. */
  Map<String, List<String>> attachedTableNames() {
    return attachedTables.get();
  }
}
