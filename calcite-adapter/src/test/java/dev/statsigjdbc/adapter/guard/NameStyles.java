package dev.statsigjdbc.adapter.guard;

import java.util.List;
import java.util.Locale;

/** Spells a list of words as a tool name in one of the styles servers use, for generated names. */
final class NameStyles {

  enum Style { SNAKE, KEBAB, CAMEL, PASCAL, SPACED, DOTTED }

  enum WordCase { LOWER, UPPER, CAPITALIZED, RANDOM }

  private NameStyles() {}

  static String join(List<String> words, Style style, List<WordCase> cases, int seed) {
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      switch (style) {
        case CAMEL -> name.append(i == 0 ? word : capitalized(word));
        case PASCAL -> name.append(capitalized(word));
        default -> {
          if (i > 0) {
            name.append(switch (style) {
              case SNAKE -> "_";
              case KEBAB -> "-";
              case SPACED -> " ";
              default -> ".";
            });
          }
          name.append(cased(word, cases.get(i % cases.size()), seed + i));
        }
      }
    }
    return name.toString();
  }

  private static String capitalized(String word) {
    return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
  }

  private static String cased(String word, WordCase wordCase, int seed) {
    return switch (wordCase) {
      case LOWER -> word;
      case UPPER -> word.toUpperCase(Locale.ROOT);
      case CAPITALIZED -> capitalized(word);
      case RANDOM -> {
        StringBuilder mixed = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
          char c = word.charAt(i);
          mixed.append(((seed >> (i % 13)) & 1) == 1 ? Character.toUpperCase(c) : c);
        }
        yield mixed.toString();
      }
    };
  }
}
