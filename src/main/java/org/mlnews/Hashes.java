package org.mlnews;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as lower-case hex: the one digest mlnews keys things by (article IRIs, content hashes,
 * blank-node labels, publish state).
 *
 * <pre>{@code
 * Hashes.sha256("https://example.org/post");            // "3f1c…" (64 hex digits)
 * Hashes.sha256(fingerprintBytes, sourceBytes);         // over both, in order
 * }</pre>
 */
public final class Hashes {
  private Hashes() {}

  /** The digest of the UTF-8 bytes of {@code s}. */
  public static String sha256(String s) {
    return sha256(s.getBytes(StandardCharsets.UTF_8));
  }

  /** The digest of the parts, one after the other. */
  public static String sha256(byte[]... parts) {
    try {
      var md = MessageDigest.getInstance("SHA-256");
      for (byte[] p : parts) {
        md.update(p);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM lacks SHA-256", e);
    }
  }
}
