package dev.statsigjdbc.assistant.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/** Text made safe for the places a dashboard page puts it. */
final class Html {
  private static final Pattern CLOSING_SCRIPT = Pattern.compile("</(script)", Pattern.CASE_INSENSITIVE);

  private Html() {}

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** Script text cannot contain a closing script tag; "<\/script" means the same to JavaScript. */
  static String scriptText(String javaScript) {
    return CLOSING_SCRIPT.matcher(javaScript).replaceAll(m -> "<\\\\/" + m.group(1));
  }

  /** JSON inside a script element: '<' written as its escape so no tag can close the element early. */
  static String jsonText(JsonNode json) {
    return json.toString().replace("<", "\\u003c");
  }
}
