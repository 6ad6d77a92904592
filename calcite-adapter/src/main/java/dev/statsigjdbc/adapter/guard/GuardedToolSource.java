package dev.statsigjdbc.adapter.guard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statsigjdbc.adapter.source.ToolDescriptor;
import dev.statsigjdbc.adapter.source.ToolResult;
import dev.statsigjdbc.adapter.source.ToolSource;
import java.util.List;

/**
 * The only holder of the raw source once the schema is built: lists the exposed tools only and
 * refuses to call anything else, whoever asks.
 */
public final class GuardedToolSource implements ToolSource {

  private final ToolSource raw;
  private final ToolCatalog catalog;

  private GuardedToolSource(ToolSource raw, ToolCatalog catalog) {
    this.raw = raw;
    this.catalog = catalog;
  }

  /** Lists the raw source's tools once, judges them, and wraps the source. */
  public static GuardedToolSource wrap(ToolSource raw, ToolPolicy policy) {
    return new GuardedToolSource(raw, ToolCatalog.judge(raw.tools(), policy));
  }

  public ToolCatalog catalog() {
    return catalog;
  }

  @Override
  public List<ToolDescriptor> tools() {
    return catalog.verdicts().stream().filter(ToolVerdict::exposed).map(ToolVerdict::tool).toList();
  }

  @Override
  public ToolResult call(String name, JsonNode arguments) {
    ToolVerdict verdict =
        catalog.verdict(name)
            .orElseThrow(() -> new BlockedToolException(name, "the server did not list it"));
    if (!verdict.exposed()) {
      throw new BlockedToolException(name, verdict.reason());
    }
    // Call with the listed spelling: case-insensitive lookup must not reach a different tool.
    return raw.call(verdict.name(), arguments);
  }
}
