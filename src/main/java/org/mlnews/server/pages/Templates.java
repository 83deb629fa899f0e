package org.mlnews.server.pages;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The HTML templates ({@code src/main/resources/templates/*.peb}), rendered by Pebble with
 * auto-escaping on: every value a template prints is HTML-escaped unless a template says
 * otherwise, and none of ours does. Built once, safe to share.
 *
 * <pre>{@code
 * String html = new Templates().render("home", Map.of("title", "mlnews"));
 * }</pre>
 */
final class Templates {
  private final PebbleEngine engine;

  Templates() {
    var loader = new ClasspathLoader(Templates.class.getClassLoader());
    loader.setPrefix("templates");
    loader.setSuffix(".peb");
    this.engine = new PebbleEngine.Builder()
        .loader(loader)
        .autoEscaping(true)
        .defaultEscapingStrategy("html")
        .strictVariables(false)
        .newLineTrimming(true)
        .build();
  }

  String render(String template, Map<String, Object> model) {
    var out = new StringWriter();
    try {
      engine.getTemplate(template).evaluate(out, model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
