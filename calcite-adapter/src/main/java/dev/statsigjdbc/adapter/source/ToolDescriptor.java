package dev.statsigjdbc.adapter.source;

import java.util.Objects;

/**
 * One tool as published by the server.
 *
 * @param inputSchema the tool's input JSON schema as text, or null when the server gave none
 * @param annotations behaviour hints; never null (use {@link ToolAnnotations#NONE})
 */
public record ToolDescriptor(
    String name, String description, String inputSchema, ToolAnnotations annotations) {

  public ToolDescriptor {
    Objects.requireNonNull(name, "name");
    annotations = annotations == null ? ToolAnnotations.NONE : annotations;
  }

  public static ToolDescriptor of(String name, String description) {
    return new ToolDescriptor(name, description, null, ToolAnnotations.NONE);
  }
}
