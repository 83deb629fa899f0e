package org.mlnews.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Small measuring helpers: percentiles, heap peaks, sizes on disk. */
final class Stats {
  private Stats() {}

  /** The p-th percentile (0..100) of the values, nearest-rank; NaN for none. */
  static double percentile(double[] values, double p) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] v = values.clone();
    Arrays.sort(v);
    int rank = (int) Math.ceil(p / 100.0 * v.length);
    return v[Math.max(0, Math.min(v.length - 1, rank - 1))];
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP && p.isValid()).toList();
  }

  /** Collects garbage and starts a new peak: call before a phase. */
  static void resetPeakHeap() {
    System.gc();
    heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  /**
   * The peak heap of the phase since {@link #resetPeakHeap}: the sum of each heap pool's peak. The
   * pools peak at different moments, so this is an upper bound of the real peak.
   */
  static long peakHeap() {
    return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
  }

  /**
   * Bytes that the files under {@code dir} take on disk. TDB2 grows its files in large sparse
   * steps, so the blocks in use ({@code du}) are asked for where there is a {@code du}; else the
   * files' lengths are added up.
   */
  static long sizeOnDisk(Path dir) {
    if (!Files.exists(dir)) {
      return 0;
    }
    try {
      Process du = new ProcessBuilder("du", "-sk", dir.toString()).redirectErrorStream(true).start();
      String out = new String(du.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      if (du.waitFor() == 0) {
        return Long.parseLong(out.strip().split("\\s+")[0]) * 1024;
      }
    } catch (IOException | NumberFormatException e) {
      // no du here: the files' lengths below
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return fileLengths(dir);
  }

  /** The lengths of the regular files under {@code dir}, added up. */
  static long fileLengths(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> {
        try {
          return Files.size(f);
        } catch (IOException e) {
          return 0;
        }
      }).sum();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot walk " + dir, e);
    }
  }

  /** Deletes a folder and everything in it, if it exists. */
  static void deleteTree(Path dir) {
    try {
      org.mlnews.FileTrees.delete(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }

  static String mib(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
  }
}
