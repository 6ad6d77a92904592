package dev.statsigjdbc.adapter.guard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statsigjdbc.adapter.source.ToolDescriptor;
import dev.statsigjdbc.adapter.source.ToolResult;
import dev.statsigjdbc.adapter.source.ToolSource;
import java.util.List;

/**
 * The only holder of the raw source once the schema is built: lists the exposed tools only, and
 * judges every call again before it is sent ({@link ToolPolicy#judgeCall}: the tool, the action
 * of a grouped tool, no {@code confirmation}), whoever asks: tables, the table function, dialects.
 */
public final class GuardedToolSource implements ToolSource {

  private final ToolSource raw;
  private final ToolPolicy policy;
  private final ToolCatalog catalog;

  private GuardedToolSource(ToolSource raw, ToolPolicy policy, ToolCatalog catalog) {
    this.raw = raw;
    this.policy = policy;
    this.catalog = catalog;
  }

  /** Lists the raw source's tools once, judges them, and wraps the source. */
  public static GuardedToolSource wrap(ToolSource raw, ToolPolicy policy) {
    return new GuardedToolSource(raw, policy, ToolCatalog.judge(raw.tools(), policy));
  }

  public ToolCatalog catalog() {
    return catalog;
  }

  /** The policy every call is judged by (dialects ask it about actions and discovered operations). */
  public ToolPolicy policy() {
    return policy;
  }

  @Override
  public List<ToolDescriptor> tools() {
    return catalog.tools().stream().filter(ToolVerdict::exposed).map(ToolVerdict::tool).toList();
  }

  @Override
  public ToolResult call(String name, JsonNode arguments) {
    ToolVerdict listed = catalog.verdict(name)
        .orElseThrow(() -> new BlockedToolException("Tool '" + name + "'", "blocked: the server did not list it"));
    ToolVerdict verdict = policy.judgeCall(listed.tool(), arguments);
    if (!verdict.exposed()) {
      throw new BlockedToolException(verdict);
    }
    // Call with the listed spelling: case-insensitive lookup must not reach a different tool.
    return raw.call(verdict.name(), arguments);
  }
}
