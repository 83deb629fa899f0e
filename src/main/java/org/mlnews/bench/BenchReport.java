package org.mlnews.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@link Bench} measured: the machine, the settings and one result per corpus size. Printed
 * as a table ({@link #table()}) and written as JSON ({@link #toJson()}).
 */
public record BenchReport(Machine machine, Settings settings, List<SizeResult> results) {

  /** The machine the figures came from. */
  public record Machine(int cores, long memoryBytes, String java, String vm, String os, String cpu,
      double loadAverage) {
    /** CPU time of this process so far, in seconds; NaN where the platform does not say. */
    static double processCpuSeconds() {
      if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
        return os.getProcessCpuTime() / 1e9;
      }
      return Double.NaN;
    }

    static Machine current() {
      long mem = -1;
      if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
        mem = os.getTotalMemorySize();
      }
      return new Machine(Runtime.getRuntime().availableProcessors(), mem,
          System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"),
          System.getProperty("java.vm.name"),
          System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
          cpuModel(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static String cpuModel() {
      try {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
            .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown");
      } catch (IOException e) {
        return "unknown";
      }
    }
  }

  public record Settings(long seed, int warmup, int runs, int clients, double pageSeconds, String serveHeap,
      long benchMaxHeapBytes) {}

  /** A load into an empty store: ours (the build) or the baseline. */
  /**
   * @param cpuSeconds CPU time of the whole process during the load: on a machine shared with other
   *                   work, wall time depends on what else runs, CPU time much less
   */
  public record Load(String what, double seconds, double cpuSeconds, double issuesPerSecond, double quadsPerSecond,
      long peakHeapBytes) {}

  public record Incremental(double seconds, double cpuSeconds, int updated, int unchanged, long peakHeapBytes) {}

  public record QueryResult(String name, Map<String, String> params, long rows, int directRuns, int httpRuns,
      double directP50Ms,
      double directP99Ms, double httpP50Ms, double httpP99Ms) {}

  public record PageResult(String path, long requests, long errors, double perSecond) {}

  /** {@code serve} in a child JVM with a small heap, under the pages load. */
  /** {@code failures}: what the first failed requests got (a status, or the client's exception), by page. */
  public record ServeResult(String heap, double startupSeconds, long requests, long errors, long errorLogLines,
      double perSecond, long peakRssBytes, int exitCode, List<String> failures) {}

  /**
   * @param triples   distinct triples of the union graph
   * @param quads     quads in the store (the figure the load rates are per)
   * @param ratio     our build's rate divided by the baseline's: the figure to watch
   */
  public record SizeResult(int issues, long sourceBytes, long triples, long quads, Load build, Load baseline,
      double ratio, Incremental incremental, List<QueryResult> queries, List<PageResult> pages,
      ServeResult serve, long storeBytes, long baselineStoreBytes) {}

  /** A report read back from {@link #toJson()}, e.g. to print its table again. */
  public static BenchReport fromJson(String json) {
    try {
      return new ObjectMapper().readValue(json, BenchReport.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a bench report: " + e.getOriginalMessage(), e);
    }
  }

  public String toJson() {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A Markdown table, one column per corpus size. */
  public String table() {
    var rows = new java.util.ArrayList<String[]>();
    int k = results.size();
    rows.add(row("issues", r -> String.format(Locale.ROOT, "%,d", r.issues())));
    rows.add(row("quads (triples in union)", r -> String.format(Locale.ROOT, "%,d (%,d)", r.quads(), r.triples())));
    rows.add(row("full build", r -> String.format(Locale.ROOT, "%.1f s (%.1f s CPU): %,.0f issues/s, %,.0f triples/s",
        r.build().seconds(), r.build().cpuSeconds(), r.build().issuesPerSecond(), r.build().quadsPerSecond())));
    rows.add(row("baseline: RIOT + TDB2 loader", r -> String.format(Locale.ROOT, "%.1f s (%.1f s CPU): %,.0f issues/s, %,.0f triples/s",
        r.baseline().seconds(), r.baseline().cpuSeconds(), r.baseline().issuesPerSecond(), r.baseline().quadsPerSecond())));
    rows.add(row("**build / baseline rate** (by CPU time)", r -> String.format(Locale.ROOT, "**%.2fx** (%.2fx)", r.ratio(),
        r.baseline().cpuSeconds() / r.build().cpuSeconds())));
    rows.add(row("incremental, one issue edited", r -> String.format(Locale.ROOT, "%.2f s (%.2f s CPU; %d updated)",
        r.incremental().seconds(), r.incremental().cpuSeconds(), r.incremental().updated())));
    if (!results.isEmpty()) {
      for (int q = 0; q < results.get(0).queries().size(); q++) {
        int qi = q;
        QueryResult first = results.get(0).queries().get(q);
        // The same query may be measured with other parameters: name them.
        String name = first.name() + (first.params().isEmpty() ? "" : " " + new java.util.TreeMap<>(first.params())
            .entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining("&")));
        rows.add(row(name + " p50 / p99 direct", r -> ms(r.queries().get(qi).directP50Ms()) + " / "
            + ms(r.queries().get(qi).directP99Ms()) + " (" + r.queries().get(qi).rows() + " rows; "
            + r.queries().get(qi).directRuns() + " runs)"));
        rows.add(row(name + " p50 / p99 HTTP", r -> ms(r.queries().get(qi).httpP50Ms()) + " / "
            + ms(r.queries().get(qi).httpP99Ms()) + " (" + r.queries().get(qi).httpRuns() + " runs)"));
      }
      for (int p = 0; p < results.get(0).pages().size(); p++) {
        int pi = p;
        rows.add(row("pages/s " + results.get(0).pages().get(p).path(), r -> String.format(Locale.ROOT,
            "%,.0f%s", r.pages().get(pi).perSecond(), r.pages().get(pi).errors() > 0
                ? " (" + r.pages().get(pi).errors() + " errors)" : "")));
      }
    }
    rows.add(row(settings.serveHeap() == null ? "serve in a child JVM (skipped)" : "serve -Xmx" + settings.serveHeap()
        + " under the same load", r -> r.serve() == null ? "—"
        : String.format(Locale.ROOT, "%,d requests, %d errors (%,.0f per second over all pages), started in %.1f s, "
            + "peak RSS %s", r.serve().requests(), r.serve().errors() + r.serve().errorLogLines(),
            r.serve().requests() / (settings.pageSeconds() * Math.max(1, r.pages().size())),
            r.serve().startupSeconds(), Stats.mib(r.serve().peakRssBytes()))));
    rows.add(row("peak heap (sum of pool peaks): build / baseline / incremental", r -> Stats.mib(r.build().peakHeapBytes()) + " / "
        + Stats.mib(r.baseline().peakHeapBytes()) + " / " + Stats.mib(r.incremental().peakHeapBytes())));
    rows.add(row("store on disk (baseline's)", r -> Stats.mib(r.storeBytes()) + " (" + Stats.mib(r.baselineStoreBytes()) + ")"));
    rows.add(row("Markdown sources", r -> Stats.mib(r.sourceBytes())));
    var sb = new StringBuilder();
    sb.append("| |");
    results.forEach(r -> sb.append(String.format(Locale.ROOT, " %,d issues |", r.issues())));
    sb.append("\n|---|");
    sb.append("---|".repeat(k)).append('\n');
    rows.forEach(r -> sb.append("| ").append(String.join(" | ", r)).append(" |\n"));
    return sb.toString();
  }

  private String[] row(String label, java.util.function.Function<SizeResult, String> cell) {
    String[] r = new String[results.size() + 1];
    r[0] = label;
    for (int i = 0; i < results.size(); i++) {
      r[i + 1] = cell.apply(results.get(i));
    }
    return r;
  }

  private static String ms(double v) {
    return String.format(Locale.ROOT, v < 10 ? "%.2f ms" : "%.1f ms", v);
  }

  /** The machine in one line. */
  public String machineLine() {
    return String.format(Locale.ROOT, "%d cores (%s), %s RAM, %s, %s; bench JVM max heap %s; "
        + "load average %.1f at the start", machine.cores(), machine.cpu(), Stats.mib(machine.memoryBytes()),
        machine.java(), machine.os(), Stats.mib(settings.benchMaxHeapBytes()), machine.loadAverage());
  }
}
