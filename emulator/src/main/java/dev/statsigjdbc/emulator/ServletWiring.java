package dev.statsigjdbc.emulator;

import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/** Registers servlets and filters in the emulator's (not yet started) Tomcat context. */
public final class ServletWiring {
  private ServletWiring() {}

  /**
   * Adds a filter on the given URL patterns. Filters allow async processing because the MCP
   * SDK's servlet answers on an async context, and one non-async filter in front of it fails
   * every request.
   */
  public static void addFilter(Context context, String name, Filter filter, Map<String, String> initParameters,
      String... urlPatterns) {
    FilterDef def = new FilterDef();
    def.setFilterName(name);
    def.setFilter(filter);
    def.setAsyncSupported("true");
    initParameters.forEach(def::addInitParameter);
    context.addFilterDef(def);
    FilterMap map = new FilterMap();
    map.setFilterName(name);
    for (String pattern : urlPatterns) {
      map.addURLPattern(pattern);
    }
    context.addFilterMap(map);
  }

  /** Adds a servlet mapped at the given paths. */
  public static void addServlet(Context context, String name, Servlet servlet, String... paths) {
    Tomcat.addServlet(context, name, servlet).setAsyncSupported(true);
    for (String path : paths) {
      context.addServletMappingDecoded(path, name);
    }
  }
}
