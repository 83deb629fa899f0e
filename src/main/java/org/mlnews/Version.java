package org.mlnews;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The mlnews version, recorded in every graph it builds as the extractor version. */
public final class Version {
  /** The project version from the build, or {@code dev} when run from unpackaged classes. */
  public static final String VERSION = load();

  private Version() {}

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("/mlnews.properties")) {
      if (in == null) {
        return "dev";
      }
      var p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "dev");
      return v.startsWith("${") ? "dev" : v;
    } catch (IOException e) {
      return "dev";
    }
  }
}
