package dev.statsigjdbc.emulator.data;

import java.util.SplittableRandom;

/**
 * Derives independent, stable random streams from the dataset seed and a key naming what is being
 * generated ("experiment", "checkout_v2", ...), so that each entity, day or log entry is a pure
 * function of (seed, key) and does not depend on generation order.
 */
public final class Seeds {
  private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private Seeds() {}

  public static long of(long seed, Object... parts) {
    long h = mix(seed ^ 0x9E3779B97F4A7C15L);
    for (Object part : parts) {
      String s = String.valueOf(part);
      for (int i = 0; i < s.length(); i++) {
        h = mix(h ^ s.charAt(i));
      }
      h = mix(h ^ 0x1F); // separator, so ("ab","c") differs from ("a","bc")
    }
    return h;
  }

  public static SplittableRandom random(long seed, Object... parts) {
    return new SplittableRandom(of(seed, parts));
  }

  /** A Statsig-looking opaque id (22 base62 characters). */
  public static String opaqueId(long seed, Object... parts) {
    SplittableRandom r = random(seed, parts);
    StringBuilder b = new StringBuilder(22);
    for (int i = 0; i < 22; i++) {
      b.append(BASE62.charAt(r.nextInt(BASE62.length())));
    }
    return b.toString();
  }

  /** Draws one of {@code values} with probability proportional to its weight. */
  public static <T> T weighted(SplittableRandom r, T[] values, int[] weights) {
    int roll = r.nextInt(java.util.Arrays.stream(weights).sum());
    for (int i = 0; i < values.length; i++) {
      roll -= weights[i];
      if (roll < 0) {
        return values[i];
      }
    }
    throw new IllegalArgumentException("weights do not match values");
  }

  /** SplitMix64 finaliser. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
