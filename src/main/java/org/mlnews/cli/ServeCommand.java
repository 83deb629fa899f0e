package org.mlnews.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mlnews.build.Builder;
import org.mlnews.query.ParamBinder;
import org.mlnews.query.QueryLibrary;
import org.mlnews.server.MlnewsServer;
import org.mlnews.server.Watcher;
import org.mlnews.store.Store;
import org.mlnews.topics.TopicScheme;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", description = {
    "Bring the store up to date with the data folder (as build does), then serve it over HTTP until stopped:",
    "Pages for people and every IRI of the graph as HTML or RDF at /, search at /search,",
    "SPARQL at /mlnews/sparql, the named queries at /queries, the query editor at /ui/.",
    "Read-only unless --allow-update (which needs --password-file)."})
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOptions options;

  @Option(names = "--port", defaultValue = "3030", description = "HTTP port; 0 for any free port. Default: ${DEFAULT-VALUE}")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "Address to listen on; 0.0.0.0 publishes on every interface. Default: ${DEFAULT-VALUE}")
  String host;

  @Option(names = "--timeout", defaultValue = "10", paramLabel = "SECONDS",
      description = "Time limit of one query, in seconds. Default: ${DEFAULT-VALUE}")
  double timeoutSeconds;

  @Option(names = "--max-rows", defaultValue = "10000", description = "Most rows a SELECT returns. Default: ${DEFAULT-VALUE}")
  long maxRows;

  @Option(names = "--max-request-bytes", defaultValue = "1048576", paramLabel = "BYTES",
      description = "Largest request body accepted (a query, an update, an upload); a larger one gets 413. "
          + "Default: ${DEFAULT-VALUE} (1 MiB)")
  long maxRequestBytes;

  @Option(names = "--no-build", description = "Serve the store as it is, without building first.")
  boolean noBuild;

  @Option(names = "--watch", description = "Rebuild the changed issues when a file in the data folder changes.")
  boolean watch;

  @Option(names = "--allow-update", description = "Open SPARQL Update and Graph Store writes, for the users of --password-file.")
  boolean allowUpdate;

  @Option(names = "--password-file", paramLabel = "FILE",
      description = "Users who may update, one 'user: password' line each (Jetty realm file).")
  Path passwordFile;

  @Option(names = "--config", paramLabel = "FILE",
      description = "A key=value file whose keys are these options' long names (port=8080, max-rows=500, watch=true); "
          + "options given on the command line win.")
  Path config;

  @Option(names = {"-v", "--verbose"}, description = "List every build warning.")
  boolean verbose;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (config != null) {
      applyConfig(config);
    }
    if (allowUpdate && passwordFile == null) {
      throw new Cli.UsageException("--allow-update needs --password-file FILE (lines of 'user: password'): "
          + "updates are never open to anyone");
    }
    MlnewsServer.Builder serverBuilder;
    try {
      serverBuilder = MlnewsServer.builder().port(port).host(host)
          .timeout(Duration.ofMillis(Math.round(timeoutSeconds * 1000)))
          .maxRows(maxRows).maxRequestBytes(maxRequestBytes).allowUpdate(allowUpdate).passwordFile(passwordFile).iris(options.iris());
    } catch (IllegalArgumentException e) {
      throw new Cli.UsageException(e.getMessage());
    }

    // Serving without building needs a store that is there; a build makes one.
    Store store = noBuild && !watch ? options.existingStore() : Store.open(options.store);
    var stopped = new CountDownLatch(1);
    var running = new Running(store, out, stopped);
    try {
      Builder builder = null;
      if (!noBuild || watch) {
        builder = new Builder(options.data, options.ontology, options.iris());
      }
      if (!noBuild) {
        BuildCommand.report(builder.build(store), out, err, verbose);
      }
      var library = QueryLibrary.load(options.queries);
      if (!java.nio.file.Files.isDirectory(options.queries)) {
        err.println("note: the queries folder " + options.queries + " does not exist, so no named queries are"
            + " served; give it with --queries");
        err.flush();
      }
      var binder = new ParamBinder(options.iris(), TopicScheme.load(options.ontology.resolve("topics.ttl")));
      running.server = serverBuilder.store(store).queries(library).binder(binder)
          .describer(org.mlnews.dump.Describer.load(options.ontology, options.iris())).build().start();
      if (watch) {
        running.watcher = Watcher.start(options.data, Duration.ofMillis(300), builder, store,
            (changed, report) -> {
              out.println("changed   " + String.join(", ", changed));
              BuildCommand.report(report, out, err, verbose);
            });
      }
      announce(running.server, store, library, out);
    } catch (RuntimeException e) {
      running.stop();
      throw e;
    }

    // SIGTERM or Ctrl-C: stop the server and close the store, so its lock is released.
    Thread hook = new Thread(running::stop, "mlnews-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      // Interrupting the thread that runs serve is the in-process way to stop it (tests, embedding).
      running.stop();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down: the hook is running or has run.
    }
    return Cli.OK;
  }

  /** What serve holds open, stopped once whichever way the stop comes. */
  private static final class Running {
    final Store store;
    final PrintWriter out;
    final CountDownLatch stopped;
    final AtomicBoolean done = new AtomicBoolean();
    volatile MlnewsServer server;
    volatile Watcher watcher;

    Running(Store store, PrintWriter out, CountDownLatch stopped) {
      this.store = store;
      this.out = out;
      this.stopped = stopped;
    }

    void stop() {
      if (!done.compareAndSet(false, true)) {
        return;
      }
      try {
        if (watcher != null) {
          watcher.close();
        }
        if (server != null) {
          server.stop();
        }
      } finally {
        store.close();
        if (server != null) {
          out.println("mlnews stopped; store closed: " + store.dir());
          out.flush();
        }
        stopped.countDown();
      }
    }
  }

  private void announce(MlnewsServer server, Store store, QueryLibrary library, PrintWriter out) {
    long[] counts = store.read(() -> new long[] {
        store.graphNames(options.iris().issueGraphPrefix()).size(),
        store.quadCount()});
    String base = server.baseUrl();
    out.println("mlnews serving " + counts[0] + " issues, " + counts[1] + " quads from " + store.dir());
    if (server.hasBrowser()) {
      out.println("  browse            " + base + "  (every IRI of the graph at its path; search " + server.searchUrl() + ")");
    }
    out.println("  SPARQL endpoint   " + server.sparqlUrl() + "  (also " + base + "mlnews/query; "
        + "Graph Store read " + base + "mlnews/get?graph=IRI)");
    if (server.hasUi()) {
      out.println("  query editor      " + server.uiUrl());
    }
    out.println("  named queries     " + server.queriesUrl() + "  (" + library.all().size() + ")");
    out.println("  dumps, VoID       " + base + "dumps/  " + base + ".well-known/void");
    out.println("  health, metrics   " + base + "$/ping  " + base + "$/metrics");
    out.println("  limits            timeout " + server.timeout().toMillis() / 1000.0 + " s, at most "
        + server.maxRows() + " rows");
    out.println(server.allowsUpdate()
        ? "  updates           allowed for the users of " + passwordFile + " at " + base + "mlnews/update and "
            + base + "mlnews/data"
        : "  updates           off (read-only)");
    if (watch) {
      out.println("  watching          " + options.data + " (changed issues are rebuilt)");
    }
    out.println("Stop with Ctrl-C.");
    out.flush();
  }

  /**
   * Sets every option that the command line left out from the config file. Keys are the options'
   * long names without dashes; an unknown key is a usage error, so a typo is not silently ignored.
   */
  private void applyConfig(Path file) {
    var props = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(r);
    } catch (IOException e) {
      throw new Cli.UsageException("cannot read config file " + Cli.message(e));
    }
    var parsed = spec.commandLine().getParseResult();
    for (String key : new TreeSet<>(props.stringPropertyNames())) {
      OptionSpec opt = key.equals("config") ? null : spec.findOption("--" + key);
      if (opt == null) {
        throw new Cli.UsageException("config file " + file + ": unknown key '" + key + "'; keys are the long "
            + "option names of serve: port, host, timeout, max-rows, max-request-bytes, store, data, ontology, queries, base, "
            + "no-build, watch, allow-update, password-file, verbose");
      }
      if (parsed.hasMatchedOption(opt)) {
        continue;
      }
      String value = props.getProperty(key).strip();
      try {
        opt.setValue(convert(opt.type(), value));
      } catch (IllegalArgumentException e) {
        throw new Cli.UsageException("config file " + file + ": " + key + "=" + value + " : " + e.getMessage());
      }
    }
  }

  private static Object convert(Class<?> type, String v) {
    try {
      if (type == int.class || type == Integer.class) {
        return Integer.valueOf(v);
      } else if (type == long.class || type == Long.class) {
        return Long.valueOf(v);
      } else if (type == double.class || type == Double.class) {
        return Double.valueOf(v);
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number");
    }
    if (type == boolean.class || type == Boolean.class) {
      if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
        throw new IllegalArgumentException("expected true or false");
      }
      return Boolean.valueOf(v);
    } else if (type == Path.class) {
      return Path.of(v);
    }
    return v;
  }
}
