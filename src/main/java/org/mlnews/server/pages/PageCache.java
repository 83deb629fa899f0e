package org.mlnews.server.pages;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.mlnews.store.Store;

/**
 * Rendered HTML pages, kept while the store is unchanged. The pages that sum up the whole graph
 * (the home page, a topic, a quarter) read every issue: about a second each at 10,000 issues, for
 * an answer that changes only when the store does. Each page is kept under the store's
 * {@linkplain Store#signature() signature}, so any committed write, by a build, {@code serve
 * --watch}, SPARQL Update or another process, makes every kept page unreachable. A page is kept
 * only when the signature has {@linkplain Store.Signature#settled settled}: a second write in the
 * same clock tick as the first could leave it as it was.
 * Least recently used pages go first once their bytes pass the budget.
 *
 * <pre>{@code
 * var cache = new PageCache(store::signature, 32 << 20, Clock.systemUTC());
 * byte[] html = cache.get("/topic/GAN?page=1", () -> render(...));
 * }</pre>
 */
final class PageCache {
  private final Supplier<Store.Signature> signature;
  private final long budgetBytes;
  private final Clock clock;
  private final LinkedHashMap<String, byte[]> pages = new LinkedHashMap<>(64, 0.75f, true);
  private String version;
  private long bytes;

  PageCache(Supplier<Store.Signature> signature, long budgetBytes, Clock clock) {
    this.signature = Objects.requireNonNull(signature, "signature");
    this.budgetBytes = budgetBytes;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The page under {@code key} as kept for the store as it is now, or else {@code render}'s (which
   * may be null: nothing to keep).
   */
  byte[] get(String key, Supplier<byte[]> render) {
    Store.Signature now = signature.get();
    synchronized (this) {
      if (!now.digest().equals(version)) {
        pages.clear(); // the store changed: nothing kept is current
        bytes = 0;
        version = now.digest();
      }
      byte[] kept = pages.get(key);
      if (kept != null) {
        return kept;
      }
    }
    byte[] page = render.get();
    if (page != null && now.settled(clock.instant()) && page.length <= budgetBytes) {
      synchronized (this) {
        if (now.digest().equals(version)) {
          byte[] was = pages.put(key, page);
          bytes += page.length - (was == null ? 0 : was.length);
          var eldest = pages.entrySet().iterator();
          while (bytes > budgetBytes && eldest.hasNext()) {
            Map.Entry<String, byte[]> e = eldest.next();
            bytes -= e.getValue().length;
            eldest.remove();
          }
        }
      }
    }
    return page;
  }
}
