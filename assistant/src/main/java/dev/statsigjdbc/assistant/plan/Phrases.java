package dev.statsigjdbc.assistant.plan;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Words or phrases that mean one thing in a question ("exposure split", "split", "traffic"), as
 * one pattern over a {@link Reading}'s text; their words are known words (not typos).
 */
record Phrases(List<String> phrases, Pattern pattern) {

  static Phrases of(String... phrases) {
    return of(Arrays.asList(phrases));
  }

  static Phrases of(List<String> phrases) {
    List<String> longestFirst = phrases.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    String alternatives = longestFirst.stream().map(p -> Pattern.quote(p.toLowerCase(Locale.ROOT)))
        .collect(Collectors.joining("|"));
    return new Phrases(List.copyOf(phrases), Pattern.compile("\\b(?:" + alternatives + ")s?\\b"));
  }

  Set<String> words() {
    return phrases.stream().flatMap(p -> Arrays.stream(p.toLowerCase(Locale.ROOT).split(" "))).collect(Collectors.toSet());
  }
}
