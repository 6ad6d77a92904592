package dev.statsigjdbc.adapter.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statsigjdbc.adapter.source.ToolAnnotations;
import dev.statsigjdbc.adapter.source.ToolDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Thousands of generated tool names: whatever the case, position and separator style, a name
 * with a write verb is never exposed, whatever its annotations say; read names are exposed.
 * Words that are nouns as often as verbs (run, merge, load, commit) are not write verbs: a name
 * with only them is blocked because it does not look like a read (see ToolNameCorpusTest).
 */
class ToolPolicyPropertiesTest {

  static final List<String> WRITE_VERBS = List.of(
      "create", "update", "delete", "remove", "send", "refund", "start", "stop", "archive", "unarchive", "launch",
      "abandon", "enable", "disable", "reset", "set", "add", "patch", "put", "post", "write", "invoke", "cleanup",
      "autotune", "insert", "upsert", "replace", "modify", "edit", "rename", "move", "copy", "import", "upload",
      "assign", "revoke", "grant", "approve", "reject", "cancel", "schedule", "trigger", "rerun", "execute", "restart",
      "rollout", "pause", "resume", "kill", "purge", "drop", "reload", "submit", "publish", "make",
      "mark", "toggle", "override", "invite", "register", "rotate", "deactivate", "activate", "apply", "resolve", "sync",
      "updates", "deleted", "creating", "bulkdelete", "reenable", "unpublish");

  static final List<String> READ_WORDS = List.of(
      "experiment", "experiments", "gate", "gates", "config", "dynamic", "metric", "metrics", "details", "list", "of",
      "by", "id", "results", "segment", "layer", "tags", "history", "version", "exposure", "count", "value", "audit",
      "logs", "source", "dimension", "overall", "cumulative", "team", "user", "company", "definition", "event",
      "holdout", "pulse", "rule", "group", "param", "stores", "report", "usage", "billing", "entity", "summary");

  static final List<String> READ_PREFIXES = List.of("get", "list", "read", "query");

  private final ToolPolicy policy = ToolPolicy.defaults();

  @Property(tries = 3000)
  void writeLookingNamesAreNeverExposed(
      @ForAll("writeNames") String name, @ForAll("annotations") ToolAnnotations annotations) {
    ToolVerdict verdict = policy.judge(new ToolDescriptor(name, "d", null, annotations));
    assertThat(verdict.exposed()).as(name + " " + verdict.reason()).isFalse();
  }

  @Property(tries = 2000)
  void readNamesAreExposedUnlessAnnotatedAsWriting(
      @ForAll("readNames") String name, @ForAll("annotations") ToolAnnotations annotations) {
    ToolVerdict verdict = policy.judge(new ToolDescriptor(name, "d", null, annotations));
    boolean annotatedWrite = Boolean.TRUE.equals(annotations.destructiveHint()) || Boolean.FALSE.equals(annotations.readOnlyHint());
    assertThat(verdict.exposed()).as(name + " " + verdict.reason()).isEqualTo(!annotatedWrite);
  }

  @Property(tries = 500)
  void allowListNeverOverridesDestructiveHint(@ForAll("readNames") String name) {
    ToolPolicy allowing = new ToolPolicy(List.of(), Set.of(name));
    ToolDescriptor destructive = new ToolDescriptor(name, "d", null, new ToolAnnotations(true, true, null, null));
    assertThat(allowing.judge(destructive).exposed()).isFalse();
  }

  @Provide
  Arbitrary<ToolAnnotations> annotations() {
    Arbitrary<Boolean> hint = Arbitraries.of(true, false).injectNull(0.4);
    return Combinators.combine(hint, hint, hint, hint).as(ToolAnnotations::new);
  }

  @Provide
  Arbitrary<String> writeNames() {
    return Combinators.combine(
            Arbitraries.of(WRITE_VERBS),
            Arbitraries.of(READ_WORDS).list().ofMaxSize(4),
            Arbitraries.integers().between(0, 4),
            Arbitraries.of(NameStyles.Style.class),
            Arbitraries.of(NameStyles.WordCase.class).list().ofSize(6),
            Arbitraries.integers().between(0, 10_000))
        .as((verb, words, position, style, cases, seed) -> {
          List<String> all = new ArrayList<>(words);
          all.add(Math.min(position, all.size()), verb);
          return NameStyles.join(all, style, cases, seed);
        });
  }

  @Provide
  Arbitrary<String> readNames() {
    Arbitrary<String> composed = Combinators.combine(
            Arbitraries.of(READ_PREFIXES),
            Arbitraries.of(READ_WORDS).list().ofMinSize(1).ofMaxSize(4),
            Arbitraries.of(NameStyles.Style.class),
            // Real read names are cased word by word; random inner case would invent camel humps.
            Arbitraries.of(NameStyles.WordCase.LOWER, NameStyles.WordCase.UPPER, NameStyles.WordCase.CAPITALIZED).list().ofSize(6),
            Arbitraries.integers().between(0, 10_000))
        .as((prefix, words, style, cases, seed) -> {
          List<String> all = new ArrayList<>();
          all.add(prefix);
          all.addAll(words);
          return NameStyles.join(all, style, cases, seed);
        });
    return Arbitraries.oneOf(composed, Arbitraries.of("search", "fetch", "Search", "FETCH"));
  }

}
