/**
 * The {@code jdbc:statsig:} JDBC driver: {@link dev.statsigjdbc.driver.jdbc.StatsigDriver} (a
 * Calcite driver with a vanity prefix) mounts the adapter's {@code statsig} schema over an MCP
 * session ({@code McpToolSource}) and hands out thin dynamic-proxy wrappers over Calcite's
 * connection, statements, result sets and metadata. The wrappers make the connection read-only
 * and auto-commit ({@code ConnectionHandler}), refuse writing SQL before planning
 * ({@code SqlInspection}), map failures to SQLStates ({@code SqlErrors}), explain empty results
 * ({@code EmptyResultAdvice}) and add primary keys ({@code PrimaryKeys}); column and table remarks
 * come from the table catalog through Calcite's metadata factories ({@code CatalogRemarks}).
 */
package dev.statsigjdbc.driver.jdbc;
