package dev.statsigjdbc.emulator.mcp.v3;

import dev.statsigjdbc.emulator.EmulatorConfig.V3ActionNames;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code action} strings of the grouped reads under the configured vocabulary. The real strings
 * are not public, so the emulator can publish any of three, and the driver has to read them.
 */
final class ActionVocabulary {
  private final V3ActionNames names;

  ActionVocabulary(V3ActionNames names) {
    this.names = names;
  }

  /** The read's actions by their published string, in the order {@code tools/list} shows them. */
  Map<String, V3Catalog.Action> actions(V3Catalog.GroupedRead read) {
    List<V3Catalog.Action> ordered = new ArrayList<>(read.actions());
    if (names == V3ActionNames.SHUFFLED) {
      // Another order than the catalog's, so that no client can bind by position either.
      Collections.reverse(ordered);
    }
    Map<String, V3Catalog.Action> byName = new LinkedHashMap<>();
    ordered.forEach(a -> byName.put(name(read, a), a));
    return byName;
  }

  private String name(V3Catalog.GroupedRead read, V3Catalog.Action action) {
    return switch (names) {
      case DEFAULT -> action.defaultName();
      case ALTERNATE -> action.alternateName();
      case SHUFFLED -> "op_" + opaque(read.name() + "/" + action.defaultName());
    };
  }

  /** Four hex digits derived from the meaning: stable across runs, saying nothing about it. */
  private static String opaque(String meaning) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(meaning.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 2);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
