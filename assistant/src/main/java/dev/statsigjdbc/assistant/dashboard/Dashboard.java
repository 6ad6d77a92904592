package dev.statsigjdbc.assistant.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A named list of pinned answers, in the order they were pinned. */
public record Dashboard(String name, List<Pin> pins) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

  public Dashboard {
    checkName(name);
    pins = List.copyOf(pins);
  }

  public static Dashboard empty(String name) {
    return new Dashboard(name, List.of());
  }

  /** Dashboard names become file names: letters, digits, '-' and '_'. */
  public static String checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Dashboard name '" + name + "' is not allowed: use up to 64 letters, digits,"
          + " '-' or '_', starting with a letter or digit (e.g. growth-weekly).");
    }
    return name;
  }

  public Dashboard with(Pin pin) {
    List<Pin> more = new ArrayList<>(pins);
    more.add(pin);
    return new Dashboard(name, more);
  }

  /** Without the pin at {@code number}, counting from 1 as {@code dashboard list} shows them. */
  public Dashboard without(int number) {
    if (number < 1 || number > pins.size()) {
      throw new IllegalArgumentException("Dashboard " + name + " has " + pins.size() + " pinned answer(s); "
          + "pick a number from 1 to " + pins.size() + " (see statsig-sql dashboard list).");
    }
    List<Pin> fewer = new ArrayList<>(pins);
    fewer.remove(number - 1);
    return new Dashboard(name, fewer);
  }
}
