package dev.statsigjdbc.adapter.guard;

import dev.statsigjdbc.adapter.source.ToolDescriptor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Every tool the source listed at connect time, each with its verdict. */
public final class ToolCatalog {

  private final List<ToolVerdict> verdicts;
  private final Map<String, ToolVerdict> byLowerName = new LinkedHashMap<>();

  private ToolCatalog(List<ToolVerdict> verdicts) {
    this.verdicts = List.copyOf(verdicts);
    for (ToolVerdict verdict : verdicts) {
      byLowerName.putIfAbsent(verdict.name().toLowerCase(Locale.ROOT), verdict);
    }
  }

  public static ToolCatalog judge(List<ToolDescriptor> tools, ToolPolicy policy) {
    return new ToolCatalog(tools.stream().map(policy::judge).toList());
  }

  public List<ToolVerdict> verdicts() {
    return verdicts;
  }

  /** The exposed tool's exact name for a catalog name that may differ in case. */
  public Optional<String> exposedName(String name) {
    ToolVerdict verdict = byLowerName.get(name.toLowerCase(Locale.ROOT));
    return verdict != null && verdict.exposed() ? Optional.of(verdict.name()) : Optional.empty();
  }

  public Optional<ToolVerdict> verdict(String name) {
    return Optional.ofNullable(byLowerName.get(name.toLowerCase(Locale.ROOT)));
  }
}
