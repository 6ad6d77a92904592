package dev.statsigjdbc.adapter.guard;

import dev.statsigjdbc.adapter.source.ToolAnnotations;
import dev.statsigjdbc.adapter.source.ToolDescriptor;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The read-only rule: a tool is exposed only when nothing about it suggests it writes.
 *
 * <p>Order of checks: {@code destructiveHint: true} always blocks (no allow-list entry can undo
 * it); then the allow-list; then {@code readOnlyHint: false}, the built-in write words and the
 * user's extra patterns. Server hints are never trusted to expose a write-looking name.
 */
public final class ToolPolicy {

  private static final WriteWordRules RULES = WriteWordRules.load();

  private final List<Pattern> extraPatterns;
  private final Set<String> allowList;

  /**
   * @param extraBlockPatterns regular expressions, matched case-insensitively anywhere in the name
   * @param allowList tool names (any case) the user vouches for as read-only
   */
  public ToolPolicy(List<String> extraBlockPatterns, Set<String> allowList) {
    this.extraPatterns =
        extraBlockPatterns.stream()
            .map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE))
            .collect(Collectors.toUnmodifiableList());
    this.allowList =
        allowList.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
  }

  public static ToolPolicy defaults() {
    return new ToolPolicy(List.of(), Set.of());
  }

  public ToolVerdict judge(ToolDescriptor tool) {
    ToolAnnotations hints = tool.annotations();
    if (Boolean.TRUE.equals(hints.destructiveHint())) {
      return new ToolVerdict(tool, false, "blocked: annotated destructiveHint=true");
    }
    if (allowList.contains(tool.name().toLowerCase(Locale.ROOT))) {
      return new ToolVerdict(tool, true, "exposed: on the user's allow-list");
    }
    if (Boolean.FALSE.equals(hints.readOnlyHint())) {
      return new ToolVerdict(tool, false, "blocked: annotated readOnlyHint=false");
    }
    Optional<String> writeWord = RULES.findWriteWord(tool.name());
    if (writeWord.isPresent()) {
      return new ToolVerdict(tool, false, "blocked: name contains write word " + writeWord.get());
    }
    for (Pattern pattern : extraPatterns) {
      if (pattern.matcher(tool.name()).find()) {
        return new ToolVerdict(tool, false, "blocked: matches configured pattern /" + pattern.pattern() + "/");
      }
    }
    return new ToolVerdict(
        tool,
        true,
        Boolean.TRUE.equals(hints.readOnlyHint())
            ? "exposed: read-only name, annotated readOnlyHint=true"
            : "exposed: read-only name");
  }
}
