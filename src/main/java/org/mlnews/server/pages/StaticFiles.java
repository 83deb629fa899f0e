package org.mlnews.server.pages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Files served from one folder of the classpath, never from the file system. A request path is
 * percent-decoded once and then refused if any segment is empty, {@code .} or {@code ..}, or holds
 * a backslash, a colon or a control character, so {@code ..%2f} and friends find nothing.
 *
 * <pre>{@code
 * StaticFiles files = new StaticFiles("browser/static/");
 * files.find("css/site.css");   // Optional[File[type=text/css; charset=utf-8, ...]]
 * files.find("../secret");      // Optional.empty()
 * }</pre>
 */
final class StaticFiles {
  record File(String contentType, byte[] bytes) {}

  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("css", "text/css; charset=utf-8"),
      Map.entry("js", "text/javascript; charset=utf-8"),
      Map.entry("html", "text/html; charset=utf-8"),
      Map.entry("svg", "image/svg+xml"),
      Map.entry("png", "image/png"),
      Map.entry("ico", "image/x-icon"),
      Map.entry("json", "application/json"),
      Map.entry("map", "application/json"),
      Map.entry("woff2", "font/woff2"),
      Map.entry("txt", "text/plain; charset=utf-8"));

  private final String root;

  /** {@code root}: a classpath folder ending in '/', e.g. {@code browser/static/}. */
  StaticFiles(String root) {
    this.root = root;
  }

  /** The file at {@code rawPath} (as requested, percent-encoded, relative to the root). */
  Optional<File> find(String rawPath) {
    String path;
    try {
      path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!safe(path)) {
      return Optional.empty();
    }
    int dot = path.lastIndexOf('.');
    String type = dot < 0 ? null : TYPES.get(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    if (type == null) {
      return Optional.empty();
    }
    try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(root + path)) {
      if (in == null) {
        return Optional.empty();
      }
      var buffer = new ByteArrayOutputStream();
      in.transferTo(buffer);
      return Optional.of(new File(type, buffer.toByteArray()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static boolean safe(String path) {
    if (path.isEmpty() || path.startsWith("/")) {
      return false;
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.startsWith(".")) {
        return false;
      }
      for (int i = 0; i < segment.length(); i++) {
        char c = segment.charAt(i);
        if (c < 0x20 || c == 0x7f || c == '\\' || c == ':' || c == '%') {
          return false;
        }
      }
    }
    return true;
  }
}
