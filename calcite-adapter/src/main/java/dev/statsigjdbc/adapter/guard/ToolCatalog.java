package dev.statsigjdbc.adapter.guard;

import dev.statsigjdbc.adapter.source.ToolDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every tool the source listed at connect time with its verdict, and for a grouped tool the
 * verdict on each of its actions.
 */
public final class ToolCatalog {

  private final List<ToolVerdict> tools;
  private final List<ToolVerdict> everyVerdict;
  private final Map<String, ToolVerdict> byLowerName = new LinkedHashMap<>();

  private ToolCatalog(List<ToolVerdict> tools, List<ToolVerdict> everyVerdict) {
    this.tools = List.copyOf(tools);
    this.everyVerdict = List.copyOf(everyVerdict);
    for (ToolVerdict verdict : tools) {
      byLowerName.putIfAbsent(verdict.name().toLowerCase(Locale.ROOT), verdict);
    }
  }

  public static ToolCatalog judge(List<ToolDescriptor> listed, ToolPolicy policy) {
    List<ToolVerdict> tools = new ArrayList<>();
    List<ToolVerdict> every = new ArrayList<>();
    for (ToolDescriptor tool : listed) {
      ToolVerdict verdict = policy.judge(tool);
      tools.add(verdict);
      every.add(verdict);
      for (ToolInputSchema.Action action : ToolInputSchema.of(tool).actions()) {
        every.add(policy.judgeAction(tool, action.name(), action.description()));
      }
    }
    return new ToolCatalog(tools, every);
  }

  /** One verdict per listed tool, in listing order. */
  public List<ToolVerdict> tools() {
    return tools;
  }

  /** Every verdict: each tool's, followed by one per action of a grouped tool ({@code statsig_tools} shows them all). */
  public List<ToolVerdict> verdicts() {
    return everyVerdict;
  }

  /** The exposed tool's exact name for a catalog name that may differ in case. */
  public Optional<String> exposedName(String name) {
    ToolVerdict verdict = byLowerName.get(name.toLowerCase(Locale.ROOT));
    return verdict != null && verdict.exposed() ? Optional.of(verdict.name()) : Optional.empty();
  }

  /** The verdict on the listed tool of that name (any case). */
  public Optional<ToolVerdict> verdict(String name) {
    return Optional.ofNullable(byLowerName.get(name.toLowerCase(Locale.ROOT)));
  }
}
