package dev.statsigjdbc.adapter.guard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A word list of the guard ({@code write-words.txt}, {@code read-words.txt}): one entry a line,
 * lower case, {@code #} comments; an entry may carry a {@code kind:} prefix. Also builds the
 * inflected (and prefixed) forms of verbs, once per list: names are judged on every connect
 * and every call.
 */
final class Vocabulary {

  /** Every inflection and derived noun of a verb: what a write word matches, eagerly. */
  static final List<String> INFLECTIONS =
      List.of("", "s", "es", "d", "ed", "ing", "er", "ers", "ion", "ions", "al", "als");
  /** The verb's own inflections only: a derived noun ({@code browser}, {@code viewer}) is not a read. */
  static final List<String> VERB_INFLECTIONS = List.of("", "s", "es", "d", "ed", "ing");

  private final Map<String, List<String>> byKind;

  private Vocabulary(Map<String, List<String>> byKind) {
    this.byKind = byKind;
  }

  /** Entries without a prefix are of kind {@code ""}. */
  static Vocabulary load(String resource) {
    Map<String, List<String>> byKind = new HashMap<>();
    try (InputStream in = Vocabulary.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " missing from the adapter jar");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        String entry = line.strip().toLowerCase(Locale.ROOT);
        if (entry.isEmpty() || entry.startsWith("#")) {
          continue;
        }
        int colon = entry.indexOf(':');
        String kind = colon < 0 ? "" : entry.substring(0, colon);
        byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(entry.substring(colon + 1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Vocabulary(byKind);
  }

  List<String> entries(String kind) {
    return List.copyOf(byKind.getOrDefault(kind, List.of()));
  }

  /** Every form of each verb ({@code prefix + verb + inflection}, {@code copies}, {@code queried}) to the verbs it is a form of. */
  static Map<String, Set<String>> forms(List<String> verbs, List<String> prefixes, List<String> inflections) {
    Map<String, Set<String>> forms = new HashMap<>();
    for (String verb : verbs) {
      List<String> stems = new ArrayList<>(List.of(verb));
      if (verb.endsWith("e")) {
        stems.add(verb.substring(0, verb.length() - 1));
      }
      for (String prefix : prefixes) {
        for (String stem : stems) {
          for (String inflection : inflections) {
            forms.computeIfAbsent(prefix + stem + inflection, f -> new HashSet<>()).add(verb);
          }
        }
        if (verb.endsWith("y")) {
          String stem = verb.substring(0, verb.length() - 1);
          for (String inflection : List.of("ies", "ied")) {
            forms.computeIfAbsent(prefix + stem + inflection, f -> new HashSet<>()).add(verb);
          }
        }
      }
    }
    return forms;
  }
}
