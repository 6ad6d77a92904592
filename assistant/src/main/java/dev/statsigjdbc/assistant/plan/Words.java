package dev.statsigjdbc.assistant.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits text into comparable words: lower case, on anything but letters and digits, plurals folded. */
public final class Words {
  private Words() {}

  public static List<String> of(String text) {
    List<String> out = new ArrayList<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if (!w.isEmpty()) {
        out.add(stem(w));
      }
    }
    return out;
  }

  /** Lower case with separators as single spaces: what phrase patterns run on. */
  public static String normalize(String text) {
    return String.join(" ", text.toLowerCase(Locale.ROOT).replace("'s", "").split("[^a-z0-9%.]+")).trim();
  }

  static String stem(String w) {
    return w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") ? w.substring(0, w.length() - 1) : w;
  }
}
