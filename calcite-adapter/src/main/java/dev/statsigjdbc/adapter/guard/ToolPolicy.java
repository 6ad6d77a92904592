package dev.statsigjdbc.adapter.guard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statsigjdbc.adapter.source.ToolAnnotations;
import dev.statsigjdbc.adapter.source.ToolDescriptor;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The read-only rule, default deny. A tool (for a grouped tool: a tool and one of its actions;
 * for discovery: an operation and its lane) is exposed only when
 *
 * <ol>
 *   <li>it is not annotated {@code destructiveHint=true} or {@code readOnlyHint=false}, its input
 *       schema takes no {@code confirmation}, and no user block pattern matches (nothing, not even
 *       the allow-list, overrides these);
 *   <li>no write word ({@code write-words.txt}) appears in its name or action, and
 *   <li>its name or action looks like a read ({@code read-words.txt}) or it is annotated
 *       {@code readOnlyHint=true}.
 * </ol>
 *
 * The user's allow-list vouches for a name ({@code tool}, or {@code tool.action}) that fails only
 * 2 or 3. The same verdict is taken again for every call ({@link #judgeCall}), which also refuses
 * any {@code confirmation} argument.
 *
 * <p>Public API for dialects: {@link #judge} (a whole tool), {@link #judgeAction} (one action of
 * a grouped tool), {@link #judgeDiscovered} (an operation a discovery tool handed out),
 * {@link #judgeCall} (the call about to be sent). Each returns a {@link ToolVerdict}; none throws.
 */
public final class ToolPolicy {

  private static final WriteWordRules WRITES = WriteWordRules.load();
  private static final ReadWordRules READS = ReadWordRules.load();
  /** The word that makes a tool a discovery tool: it only describes operations, each judged by its lane. */
  private static final String DISCOVERY_WORD = "discover";
  /** In a discovery tool's vocabulary, "resolve" finds an operation: it changes nothing. */
  private static final Set<String> DISCOVERY_READ_VERBS = Set.of("resolve");
  /** The only lane whose operations may be called, and the word its tool must carry ({@code api_read}). */
  public static final String READ_LANE = "read";

  private final List<Pattern> extraPatterns;
  private final Set<String> allowList;

  /**
   * @param extraBlockPatterns regular expressions, matched case-insensitively anywhere in the
   *     name (or {@code tool.action})
   * @param allowList tool names, or {@code tool.action}, any case, that the user vouches for as
   *     read-only
   */
  public ToolPolicy(List<String> extraBlockPatterns, Set<String> allowList) {
    this.extraPatterns =
        extraBlockPatterns.stream()
            .map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE))
            .collect(Collectors.toUnmodifiableList());
    this.allowList =
        allowList.stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
  }

  public static ToolPolicy defaults() {
    return new ToolPolicy(List.of(), Set.of());
  }

  /**
   * The verdict on a whole tool. A grouped tool (its schema declares actions) is exposed when it
   * passes the tool-level checks and at least one of its actions is exposed.
   */
  public ToolVerdict judge(ToolDescriptor tool) {
    ToolInputSchema schema = ToolInputSchema.of(tool);
    Optional<ToolVerdict> hard = hardBlock(tool, schema, null);
    if (hard.isPresent()) {
      return hard.get();
    }
    if (!schema.grouped()) {
      return judgeName(tool);
    }
    Optional<ToolVerdict> nameWrites = toolNameWrites(tool);
    if (nameWrites.isPresent()) {
      return nameWrites.get();
    }
    List<String> readActions = schema.actions().stream()
        .filter(a -> judgeAction(tool, schema, a.name(), a.description()).exposed())
        .map(ToolInputSchema.Action::name)
        .toList();
    return readActions.isEmpty()
        ? ToolVerdict.blocked(tool, null, "grouped tool with no read action among " + names(schema))
        : ToolVerdict.exposed(tool, null, "grouped tool; read actions: " + String.join(", ", readActions));
  }

  /**
   * The verdict on one action of a grouped tool.
   *
   * @param description the action's description from the schema, or null; a description that
   *     starts with a write verb ("Deletes the gate") blocks the action
   */
  public ToolVerdict judgeAction(ToolDescriptor tool, String action, String description) {
    return judgeAction(tool, ToolInputSchema.of(tool), action, description);
  }

  /**
   * The verdict on an operation a discovery tool handed out: only an operation of the
   * {@value #READ_LANE} lane, run through a lane tool that is itself exposed and named for that
   * lane ({@code api_read}), whose name has no write word, may pass. {@code api_write} and
   * {@code api_destructive} never pass: their names write, and V3 makes them take a confirmation.
   *
   * @param laneTool the tool the discovery answer says to run the operation with
   * @param lane the lane the discovery answer names
   * @param operation the operation's id or name; may be null when the answer gives none
   * @param description the operation's description, or null
   */
  public ToolVerdict judgeDiscovered(ToolDescriptor laneTool, String lane, String operation, String description) {
    String subject = operation == null ? "(unnamed operation)" : operation;
    if (lane == null || !lane.strip().equalsIgnoreCase(READ_LANE)) {
      return ToolVerdict.blocked(laneTool, subject, "operation in lane '" + lane + "'; only the " + READ_LANE + " lane is called");
    }
    ToolVerdict toolVerdict = judge(laneTool);
    if (!toolVerdict.exposed()) {
      return new ToolVerdict(laneTool, subject, false, toolVerdict.reason());
    }
    boolean laneNamed = ToolNameWords.of(laneTool.name()).stream().anyMatch(w -> w.text().equals(READ_LANE));
    if (!laneNamed) {
      return ToolVerdict.blocked(laneTool, subject, "the " + READ_LANE + " lane runs only through a tool named for it, such as api_read");
    }
    Optional<String> writeWord = operation == null ? Optional.empty() : WRITES.findWriteWord(operation);
    if (writeWord.isPresent()) {
      return ToolVerdict.blocked(laneTool, subject, "operation name contains write word " + writeWord.get());
    }
    Optional<String> describedWrite = describedWrite(description, Set.of());
    if (describedWrite.isPresent()) {
      return ToolVerdict.blocked(laneTool, subject, "operation described as a write (" + describedWrite.get() + ")");
    }
    return ToolVerdict.exposed(laneTool, subject, "operation of the " + READ_LANE + " lane");
  }

  /**
   * The verdict on a call about to be sent: never a {@code confirmation} argument; the tool's
   * verdict; and for a grouped tool (or any call naming an {@code action}), that action's verdict,
   * the action having to be one the schema declares when it declares any.
   */
  public ToolVerdict judgeCall(ToolDescriptor tool, JsonNode arguments) {
    if (ToolInputSchema.carriesConfirmation(arguments)) {
      return ToolVerdict.blocked(tool, null, "the arguments carry a " + ToolInputSchema.CONFIRMATION
          + ", which a read-only client never sends");
    }
    ToolVerdict verdict = judge(tool);
    if (!verdict.exposed()) {
      return verdict;
    }
    ToolInputSchema schema = ToolInputSchema.of(tool);
    JsonNode action = arguments == null ? null : arguments.get(ToolInputSchema.ACTION);
    if (action == null || action.isNull()) {
      return schema.grouped()
          ? ToolVerdict.blocked(tool, null, "a grouped tool is called with an " + ToolInputSchema.ACTION + ", one of " + names(schema))
          : verdict;
    }
    if (!action.isTextual()) {
      return ToolVerdict.blocked(tool, action.toString(), "the " + ToolInputSchema.ACTION + " is not text");
    }
    String name = action.asText();
    if (schema.grouped() && schema.action(name).isEmpty()) {
      return ToolVerdict.blocked(tool, name, "not one of the declared actions " + names(schema));
    }
    return judgeAction(tool, schema, name, schema.action(name).map(ToolInputSchema.Action::description).orElse(null));
  }

  private ToolVerdict judgeAction(ToolDescriptor tool, ToolInputSchema schema, String action, String description) {
    Optional<ToolVerdict> hard = hardBlock(tool, schema, action);
    if (hard.isPresent()) {
      return hard.get();
    }
    Optional<ToolVerdict> nameWrites = toolNameWrites(tool).map(v -> new ToolVerdict(tool, action, false, v.reason()));
    if (nameWrites.isPresent()) {
      return nameWrites.get();
    }
    if (allowList.contains((tool.name() + "." + action).toLowerCase(Locale.ROOT))) {
      return ToolVerdict.exposed(tool, action, "on the user's allow-list");
    }
    Set<String> readVerbs = isDiscovery(tool) ? DISCOVERY_READ_VERBS : Set.of();
    Optional<String> writeWord = WRITES.findWriteWord(action, readVerbs);
    if (writeWord.isPresent()) {
      return ToolVerdict.blocked(tool, action, "action contains write word " + writeWord.get());
    }
    Optional<String> describedWrite = describedWrite(description, readVerbs);
    if (describedWrite.isPresent()) {
      return ToolVerdict.blocked(tool, action, "action described as a write (" + describedWrite.get() + ")");
    }
    Optional<String> readWord = READS.findReadWord(action).or(() -> READS.findReadWord(tool.name()));
    if (readWord.isPresent()) {
      return ToolVerdict.exposed(tool, action, "read action (" + readWord.get() + ")");
    }
    if (Boolean.TRUE.equals(tool.annotations().readOnlyHint())) {
      return ToolVerdict.exposed(tool, action, "annotated readOnlyHint=true");
    }
    return notKnownToRead(tool, action);
  }

  /** Steps 2 and 3 for a tool that is not grouped. */
  private ToolVerdict judgeName(ToolDescriptor tool) {
    String action = null;
    String name = tool.name();
    if (allowList.contains(name.strip().toLowerCase(Locale.ROOT))) {
      return ToolVerdict.exposed(tool, action, "on the user's allow-list");
    }
    Optional<String> writeWord = WRITES.findWriteWord(name);
    if (writeWord.isPresent()) {
      return ToolVerdict.blocked(tool, action, "name contains write word " + writeWord.get());
    }
    Optional<String> readWord = READS.findReadWord(name);
    if (readWord.isPresent()) {
      return ToolVerdict.exposed(tool, action, "read name (" + readWord.get() + ")"
          + (Boolean.TRUE.equals(tool.annotations().readOnlyHint()) ? ", annotated readOnlyHint=true" : ""));
    }
    if (Boolean.TRUE.equals(tool.annotations().readOnlyHint())) {
      return ToolVerdict.exposed(tool, action, "annotated readOnlyHint=true");
    }
    return notKnownToRead(tool, action);
  }

  /** Step 1: what nothing overrides. */
  private Optional<ToolVerdict> hardBlock(ToolDescriptor tool, ToolInputSchema schema, String action) {
    ToolAnnotations hints = tool.annotations();
    if (Boolean.TRUE.equals(hints.destructiveHint())) {
      return Optional.of(ToolVerdict.blocked(tool, action, "annotated destructiveHint=true"));
    }
    if (Boolean.FALSE.equals(hints.readOnlyHint())) {
      return Optional.of(ToolVerdict.blocked(tool, action, "annotated readOnlyHint=false"));
    }
    if (!schema.readable()) {
      return Optional.of(ToolVerdict.blocked(tool, action, "its input schema is not a JSON object, so what it takes is unknown"));
    }
    if (schema.takesConfirmation()) {
      return Optional.of(ToolVerdict.blocked(tool, action, "its input schema takes a " + ToolInputSchema.CONFIRMATION
          + " (writes ask for one)"));
    }
    String name = action == null ? tool.name() : tool.name() + "." + action;
    for (Pattern pattern : extraPatterns) {
      if (pattern.matcher(tool.name()).find() || pattern.matcher(name).find()) {
        return Optional.of(ToolVerdict.blocked(tool, action, "matches configured pattern /" + pattern.pattern() + "/"));
      }
    }
    return Optional.empty();
  }

  /** A grouped tool's own name may not write either, unless the user vouched for the tool. */
  private Optional<ToolVerdict> toolNameWrites(ToolDescriptor tool) {
    if (allowList.contains(tool.name().strip().toLowerCase(Locale.ROOT))) {
      return Optional.empty();
    }
    return WRITES.findWriteWord(tool.name(), isDiscovery(tool) ? DISCOVERY_READ_VERBS : Set.of())
        .map(word -> ToolVerdict.blocked(tool, null, "name contains write word " + word));
  }

  private static ToolVerdict notKnownToRead(ToolDescriptor tool, String action) {
    return ToolVerdict.blocked(tool, action, "not known to read: no read word such as get, list, read or search"
        + (action == null ? " in its name" : " in its name or action") + " and no readOnlyHint=true");
  }

  /** A description whose first word is a write verb ("Deletes a gate ..."). */
  private static Optional<String> describedWrite(String description, Set<String> readVerbs) {
    if (description == null || description.isBlank()) {
      return Optional.empty();
    }
    String first = description.strip().split("[^\\p{L}]+", 2)[0];
    return first.isEmpty() ? Optional.empty() : WRITES.findWriteWord(first, readVerbs);
  }

  private static boolean isDiscovery(ToolDescriptor tool) {
    return ToolNameWords.of(tool.name()).stream().anyMatch(w -> w.text().equals(DISCOVERY_WORD));
  }

  private static String names(ToolInputSchema schema) {
    return schema.actions().stream().map(ToolInputSchema.Action::name).collect(Collectors.joining(", ", "[", "]"));
  }
}
