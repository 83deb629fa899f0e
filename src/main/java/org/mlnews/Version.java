package org.mlnews;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The mlnews version, and the extractor's identity recorded in every graph it builds.
 *
 * <pre>{@code
 * Version.VERSION;    // "0.1.0-SNAPSHOT"
 * Version.EXTRACTOR;  // "0.1.0-SNAPSHOT+3f2a9c1d": changes whenever the code changes
 * }</pre>
 */
public final class Version {
  /** The project version from the build, or {@code dev} when run from unpackaged classes. */
  public static final String VERSION = load();

  /**
   * The version plus a hash of mlnews's own compiled classes. A build compares it with the one
   * each issue graph records, so new extraction or mapping code rebuilds every issue even when
   * the version number did not move (as it does not between snapshots).
   */
  public static final String EXTRACTOR = VERSION + "+" + codeHash();

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

  /** SHA-256 (first 8 hex digits) over the names and bytes of the classes under org/mlnews. */
  private static String codeHash() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      Path location = Path.of(Version.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(location)) {
        Path root = location.resolve("org/mlnews");
        try (Stream<Path> files = Files.walk(root)) {
          for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
            md.update(root.relativize(f).toString().replace('\\', '/').getBytes(java.nio.charset.StandardCharsets.UTF_8));
            md.update(Files.readAllBytes(f));
          }
        }
      } else {
        try (JarFile jar = new JarFile(location.toFile())) {
          var entries = jar.stream().filter(e -> e.getName().startsWith("org/mlnews/")
              && e.getName().endsWith(".class")).sorted(java.util.Comparator.comparing(
                  java.util.zip.ZipEntry::getName)).toList();
          for (var e : entries) {
            md.update(e.getName().substring("org/mlnews/".length()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            try (InputStream in = jar.getInputStream(e)) {
              md.update(in.readAllBytes());
            }
          }
        }
      }
      return HexFormat.of().formatHex(md.digest()).substring(0, 8);
    } catch (IOException | URISyntaxException | NoSuchAlgorithmException | RuntimeException e) {
      return "unknown";
    }
  }
}
