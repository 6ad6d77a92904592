package dev.statsigjdbc.adapter;

import com.google.common.collect.ImmutableMultimap;
import com.google.common.collect.Multimap;
import dev.statsigjdbc.adapter.call.CallLayer;
import dev.statsigjdbc.adapter.dialect.Dialect;
import dev.statsigjdbc.adapter.guard.ToolCatalog;
import java.util.Map;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/** Schema {@code statsig}: curated tables, {@code statsig_tools}, and the {@code tool} function. */
public final class StatsigSchema extends AbstractSchema {

  private final Map<String, Table> tables;
  private final Map<String, String> unavailable;
  private final Multimap<String, Function> functions;
  private final ToolCatalog toolCatalog;
  private final Dialect dialect;
  private final CallLayer calls;

  StatsigSchema(Map<String, Table> tables, Map<String, String> unavailable, Map<String, Function> functions, ToolCatalog toolCatalog, Dialect dialect,
      CallLayer calls) {
    this.tables = Map.copyOf(tables);
    this.unavailable = Map.copyOf(unavailable);
    this.functions = ImmutableMultimap.copyOf(functions.entrySet());
    this.toolCatalog = toolCatalog;
    this.dialect = dialect;
    this.calls = calls;
  }

  /** The dialect the server was found (or told) to speak: {@code v1} or {@code v3}. */
  public String dialect() {
    return dialect.name();
  }

  /**
   * Curated tables this server cannot serve (they do not appear), each with why, e.g. "it needs
   * the operation GET /console/v1/x, which the server does not publish as a tool SQL may call".
   */
  public Map<String, String> unavailableTables() {
    return unavailable;
  }

  /** Pages of paged reads fetched from the server so far (cached pages do not count). */
  public long pagesFetched() {
    return calls.pagesFetched();
  }

  /** The verdict on every listed tool (also readable as table {@code statsig_tools}). */
  public ToolCatalog toolCatalog() {
    return toolCatalog;
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }

  @Override
  protected Multimap<String, Function> getFunctionMultimap() {
    return functions;
  }
}
