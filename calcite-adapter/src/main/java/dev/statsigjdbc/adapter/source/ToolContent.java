package dev.statsigjdbc.adapter.source;

/**
 * One content item of a tool answer other than text: an image, audio, a resource link or an
 * embedded resource, described (its bytes are not kept).
 *
 * @param type the MCP content type ({@code image}, {@code audio}, {@code resource_link}, {@code resource})
 * @param mimeType null when the server gave none
 * @param uri the resource's URI; null for images and audio
 * @param name the resource's name or title; null when none
 * @param size bytes of the data or resource, null when unknown
 */
public record ToolContent(String type, String mimeType, String uri, String name, Long size) {}
