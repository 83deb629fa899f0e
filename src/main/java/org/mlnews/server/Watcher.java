package org.mlnews.server;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.mlnews.build.BuildReport;
import org.mlnews.build.Builder;
import org.mlnews.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the store when the data folder changes ({@code serve --watch}). Changes are collected
 * until the folder has been quiet for the debounce time (an editor's save is often several
 * events), then the incremental {@link Builder#build(Store)} runs once: it replaces only the
 * changed issues' graphs, in one TDB2 write transaction, so queries in flight keep a consistent
 * snapshot and the server never restarts.
 *
 * <pre>{@code
 * try (Watcher w = Watcher.start(Path.of("data"), Duration.ofMillis(300), builder, store,
 *     report -> System.out.println(report.summary()))) {
 *   server.join();
 * }
 * }</pre>
 */
public final class Watcher implements AutoCloseable {
  /** What the watcher saw and rebuilt. */
  private static final Logger LOG = LoggerFactory.getLogger("org.mlnews.server.watch");

  /** Told about each rebuild. */
  public interface Listener {
    /** A rebuild ran; {@code changed} are the file names whose events triggered it. */
    void rebuilt(java.util.List<String> changed, BuildReport report);

    /** A rebuild failed as a whole (not one bad file: that is in the report). */
    default void failed(java.util.List<String> changed, RuntimeException e) {
      LOG.warn("rebuild after changes to {} failed: {}", changed, e.getMessage());
    }
  }

  private final Path dir;
  private final Duration debounce;
  private final Builder builder;
  private final Store store;
  private final Listener listener;
  private final WatchService watchService;
  private final Thread thread;

  private Watcher(Path dir, Duration debounce, Builder builder, Store store, Listener listener) throws IOException {
    this.dir = dir;
    this.debounce = debounce;
    this.builder = builder;
    this.store = store;
    this.listener = listener;
    this.watchService = dir.getFileSystem().newWatchService();
    dir.register(watchService, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
    this.thread = new Thread(this::loop, "mlnews-watch");
    this.thread.setDaemon(true);
  }

  /**
   * Starts watching {@code dir}.
   *
   * @throws IllegalArgumentException when the debounce is negative
   * @throws UncheckedIOException     when the folder cannot be watched
   */
  public static Watcher start(Path dir, Duration debounce, Builder builder, Store store, Listener listener) {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(builder, "builder");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(listener, "listener");
    if (debounce == null || debounce.isNegative()) {
      throw new IllegalArgumentException("Illegal debounce=" + debounce + " : Debounce must be 0 or more");
    }
    try {
      Watcher w = new Watcher(dir, debounce, builder, store, listener);
      w.thread.start();
      LOG.debug("watching {}", dir);
      return w;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot watch " + dir + ": " + e.getMessage(), e);
    }
  }

  private void loop() {
    var changed = new TreeSet<String>();
    try {
      while (true) {
        // Block until something happens; then keep collecting until quiet for `debounce`.
        WatchKey key = changed.isEmpty() ? watchService.take()
            : watchService.poll(debounce.toMillis(), TimeUnit.MILLISECONDS);
        if (key == null) {
          rebuild(java.util.List.copyOf(changed));
          changed.clear();
          continue;
        }
        for (WatchEvent<?> event : key.pollEvents()) {
          if (event.kind() == OVERFLOW) {
            changed.add("(many files)");
          } else if (event.context() instanceof Path p && relevant(p)) {
            changed.add(p.toString());
          }
        }
        if (!key.reset()) {
          LOG.warn("{} can no longer be watched (removed?); watching stopped", dir);
          return;
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // close() was called.
    }
  }

  /** Issue files only: editors' swap and backup files do not trigger a build. */
  private static boolean relevant(Path name) {
    String n = name.getFileName().toString();
    return !n.startsWith(".") && (n.endsWith(".md") || n.endsWith(".json"));
  }

  private void rebuild(java.util.List<String> changed) {
    LOG.debug("changed: {}; rebuilding", changed);
    try {
      listener.rebuilt(changed, builder.build(store));
    } catch (RuntimeException e) {
      listener.failed(changed, e);
    }
  }

  /** Stops watching; a rebuild under way finishes first (its transaction is never cut short). */
  @Override
  public void close() {
    try {
      watchService.close();
    } catch (IOException e) {
      LOG.warn("closing the watch service: {}", e.getMessage());
    }
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
