package dev.statsigjdbc.driver.jdbc;

import java.util.List;
import java.util.function.Supplier;
import org.apache.calcite.sql.parser.SqlParser;

/** What the wrappers of one connection share: how SQL is parsed and which tables exist. */
record ConnectionContext(SqlParser.Config parserConfig, Supplier<List<String>> tables) {

  List<String> tableNames() {
    return tables.get();
  }
}
