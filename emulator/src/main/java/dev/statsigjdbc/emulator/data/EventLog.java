package dev.statsigjdbc.emulator.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.SplittableRandom;

/** Recent raw events (the {@code /events} endpoint), newest first, each a pure function of (seed, index). */
public final class EventLog {
  private static final String[] SOURCES = {"statsig-node", "statsig-js", "statsig-ios", "statsig-android"};
  private static final String[] CATEGORIES = {"electronics", "home", "apparel", "garden", "toys", "beauty"};

  private final long seed;
  private final long newestTime;
  private final int size;
  private final List<String> names;

  EventLog(long seed, long newestTime, int size, List<String> names) {
    this.seed = seed;
    this.newestTime = newestTime;
    this.size = size;
    this.names = List.copyOf(names);
  }

  public int size() {
    return size;
  }

  public ObjectNode get(int index) {
    SplittableRandom r = Seeds.random(seed, "event", index);
    String name = names.get(r.nextInt(names.size()));
    ObjectNode e = Json.object();
    e.put("timestamp", String.valueOf(newestTime - index * 731L - r.nextInt(700)));
    e.put("name", name);
    e.put("source", SOURCES[r.nextInt(SOURCES.length)]);
    e.put("value", name.contains("cart") || name.equals("purchase") ? CATEGORIES[r.nextInt(CATEGORIES.length)]
        : String.valueOf(r.nextInt(900) + 20));
    e.put("userID", String.valueOf(1000 + r.nextInt(90_000)));
    e.putObject("metadata");
    return e;
  }
}
