package org.mlnews.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.mlnews.store.Store;

/** Pages are kept while the store's signature holds, and only once its files have been quiet. */
class PageCacheTest {
  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
  final AtomicReference<Store.Signature> signature =
      new AtomicReference<>(new Store.Signature("v1", NOW.minusSeconds(60)));
  final PageCache cache = new PageCache(signature::get, 10, Clock.fixed(NOW, ZoneOffset.UTC));
  final AtomicInteger renders = new AtomicInteger();

  byte[] get(String key, int size) {
    return cache.get(key, () -> {
      renders.incrementAndGet();
      return new byte[size];
    });
  }

  @Test
  void keptWhileTheStoreIsUnchanged() {
    get("/", 4);
    get("/", 4);
    assertEquals(1, renders.get());
    signature.set(new Store.Signature("v2", NOW.minusSeconds(30)));
    get("/", 4);
    get("/", 4);
    assertEquals(2, renders.get(), "a write to the store: rendered again, then kept");
  }

  @Test
  void notKeptRightAfterAWrite() {
    signature.set(new Store.Signature("v2", NOW.minusMillis(500)));
    get("/", 4);
    get("/", 4);
    assertEquals(2, renders.get(), "a second write in the same clock tick could keep the signature");
  }

  @Test
  void leastRecentlyUsedGoFirstPastTheBudget() {
    get("/a", 4);
    get("/b", 4);
    get("/a", 4); // a is now the most recent
    get("/c", 4); // 12 bytes > 10: b goes
    assertEquals(3, renders.get());
    get("/a", 4);
    get("/c", 4);
    assertEquals(3, renders.get());
    get("/b", 4);
    assertEquals(4, renders.get());
    get("/big", 11);
    get("/big", 11);
    assertEquals(6, renders.get(), "a page over the whole budget is never kept");
  }

  @Test
  void nothingToRenderIsNotKept() {
    assertNull(cache.get("/missing", () -> {
      renders.incrementAndGet();
      return null;
    }));
    assertNull(cache.get("/missing", () -> {
      renders.incrementAndGet();
      return null;
    }));
    assertEquals(2, renders.get());
  }
}
