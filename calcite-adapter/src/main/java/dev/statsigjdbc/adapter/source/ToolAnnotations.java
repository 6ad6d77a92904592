package dev.statsigjdbc.adapter.source;

/** MCP tool annotations; each hint is null when the server did not say. */
public record ToolAnnotations(
    Boolean readOnlyHint, Boolean destructiveHint, Boolean idempotentHint, Boolean openWorldHint) {

  public static final ToolAnnotations NONE = new ToolAnnotations(null, null, null, null);
}
