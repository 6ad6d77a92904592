package dev.statsigjdbc.driver.profile;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** How a data source authenticates, as written in the profile file. */
public enum AuthKind {
  OAUTH("oauth"),
  API_KEY("api-key");

  private final String label;

  AuthKind(String label) {
    this.label = label;
  }

  @JsonValue
  public String label() {
    return label;
  }

  @JsonCreator
  public static AuthKind of(String label) {
    return Arrays.stream(values()).filter(k -> k.label.equalsIgnoreCase(label)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown auth kind '" + label + "': use oauth or api-key"));
  }
}
