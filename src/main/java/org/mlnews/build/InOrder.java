package org.mlnews.build;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Work on every core, results in order: {@code work} runs on one thread per core, an item at a
 * time, and {@code apply} gets the results on the calling thread in the items' order, while the
 * next items are already being worked on.
 *
 * <p>Why not a parallel stream: on 2 cores a stream splits a list into four fixed runs, and the
 * files of one run can take much longer than the others' (a build of 10,000 issues spent 9 of its
 * 20 s of reading on one core); and a stream does nothing while its results are being applied. At
 * most {@code ahead} results wait at a time, so memory stays bounded however many items there are.
 *
 * <pre>{@code
 * InOrder.map(files, extractor::extract, issues::add, 256);
 * }</pre>
 */
final class InOrder {
  private InOrder() {}

  /**
   * Applies {@code work} to every item and hands each result to {@code apply}, in order. An
   * exception from {@code work} (which should report expected failures in its result instead)
   * stops the work and is thrown here, as is one from {@code apply}.
   */
  static <T, R> void map(List<T> items, Function<? super T, ? extends R> work,
      Consumer<? super R> apply, int ahead) {
    if (items.isEmpty()) {
      return;
    }
    int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), items.size()));
    var number = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "mlnews-build-" + number.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      var pending = new ArrayDeque<CompletableFuture<? extends R>>();
      int next = 0;
      while (next < items.size() || !pending.isEmpty()) {
        while (next < items.size() && pending.size() < ahead) {
          T item = items.get(next++);
          pending.add(CompletableFuture.supplyAsync(() -> work.apply(item), pool));
        }
        apply.accept(joined(pending.poll()));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static <R> R joined(CompletableFuture<R> result) {
    try {
      return result.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }
}
