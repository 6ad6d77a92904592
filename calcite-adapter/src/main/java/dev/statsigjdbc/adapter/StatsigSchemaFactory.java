package dev.statsigjdbc.adapter;

import dev.statsigjdbc.adapter.call.CallLayer;
import dev.statsigjdbc.adapter.catalog.TableCatalog;
import dev.statsigjdbc.adapter.catalog.TableSpec;
import dev.statsigjdbc.adapter.dialect.Dialect;
import dev.statsigjdbc.adapter.dialect.Dialects;
import dev.statsigjdbc.adapter.exec.BoundTable;
import dev.statsigjdbc.adapter.exec.PlanRunner;
import dev.statsigjdbc.adapter.guard.GuardedToolSource;
import dev.statsigjdbc.adapter.guard.ToolPolicy;
import dev.statsigjdbc.adapter.source.ToolSource;
import dev.statsigjdbc.adapter.sql.StatsigTable;
import dev.statsigjdbc.adapter.sql.ToolFunction;
import dev.statsigjdbc.adapter.sql.ToolsTable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;

/**
 * Entry point for the driver: builds the {@code statsig} schema over a tool source. Lists the
 * tools once, judges them, wraps the source in the guard (nothing else keeps the raw source),
 * picks the server's dialect, and binds the curated tables' operations through it.
 */
public final class StatsigSchemaFactory {

  public static final String DEFAULT_SCHEMA_NAME = "statsig";

  private StatsigSchemaFactory() {}

  public static StatsigSchema create(ToolSource source, StatsigOptions options) {
    ToolPolicy policy = new ToolPolicy(options.extraBlockPatterns(), options.allowList());
    GuardedToolSource guarded = GuardedToolSource.wrap(source, policy);
    Dialect dialect = Dialects.choose(options.dialect(), guarded.catalog(), policy);
    CallLayer calls = new CallLayer(guarded, dialect, options.calls());

    TableCatalog catalog = TableCatalog.load();
    Map<String, BoundTable> bound = new LinkedHashMap<>();
    Map<String, String> unavailable = new LinkedHashMap<>();
    for (TableSpec spec : catalog.tables()) {
      BoundTable.bind(spec, catalog, dialect, bound).ifPresentOrElse(table -> bound.put(spec.name(), table),
          () -> unavailable.put(spec.name(), BoundTable.whyUnbound(spec, catalog, dialect, bound)));
    }
    PlanRunner runner = new PlanRunner(calls, dialect, bound, options.pageSize());

    Map<String, Table> tables = new LinkedHashMap<>();
    tables.put(ToolsTable.NAME, new ToolsTable(guarded.catalog()));
    bound.forEach((name, table) -> tables.put(name, new StatsigTable(table, runner)));
    Map<String, Function> functions = Map.of(ToolFunction.NAME, new ToolFunction(calls, guarded.catalog()));
    return new StatsigSchema(tables, unavailable, functions, guarded.catalog(), dialect, calls);
  }

  /** Creates the schema and adds it under {@code name} to a connection's root schema. */
  public static SchemaPlus mount(SchemaPlus root, String name, ToolSource source, StatsigOptions options) {
    return root.add(name, create(source, options));
  }
}
