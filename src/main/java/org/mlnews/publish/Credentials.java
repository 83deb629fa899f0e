package org.mlnews.publish;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * How {@link Publisher} authenticates: none, HTTP basic, or a bearer token. The secret never
 * appears in {@link #toString()}, so it cannot leak into a report or a log line.
 *
 * <pre>{@code
 * Credentials c = Credentials.basic("editor:s3cret");
 * Credentials fromEnv = Credentials.fromEnvironment(System.getenv()).orElse(Credentials.none());
 * }</pre>
 */
public final class Credentials {
  /** The environment variables read when no option is given. */
  public static final String ENV_USER = "MLNEWS_PUBLISH_USER";
  public static final String ENV_BEARER = "MLNEWS_PUBLISH_TOKEN";

  private final String scheme;
  private final String header;
  private final String who;

  private Credentials(String scheme, String header, String who) {
    this.scheme = scheme;
    this.header = header;
    this.who = who;
  }

  public static Credentials none() {
    return new Credentials("none", null, null);
  }

  /** HTTP basic from {@code user:password}. */
  public static Credentials basic(String userColonPassword) {
    int colon = userColonPassword == null ? -1 : userColonPassword.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("expected user:password for basic authentication");
    }
    String encoded = Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    return new Credentials("basic", "Basic " + encoded, userColonPassword.substring(0, colon));
  }

  public static Credentials bearer(String token) {
    if (token == null || token.isBlank() || token.chars().anyMatch(c -> c <= ' ')) {
      throw new IllegalArgumentException("a bearer token must be non-empty and without spaces");
    }
    return new Credentials("bearer", "Bearer " + token, null);
  }

  /** Credentials from {@value #ENV_USER} ({@code user:password}) or {@value #ENV_BEARER}, if set. */
  public static Optional<Credentials> fromEnvironment(Map<String, String> env) {
    String user = env.get(ENV_USER);
    String token = env.get(ENV_BEARER);
    if (user != null && !user.isEmpty()) {
      return Optional.of(basic(user));
    }
    if (token != null && !token.isEmpty()) {
      return Optional.of(bearer(token));
    }
    return Optional.empty();
  }

  /** The value of the {@code Authorization} header, if any. */
  Optional<String> authorization() {
    return Optional.ofNullable(header);
  }

  /** "none", "basic (user editor)" or "bearer": what a report may say. */
  @Override
  public String toString() {
    return who == null ? scheme : scheme + " (user " + who + ")";
  }
}
