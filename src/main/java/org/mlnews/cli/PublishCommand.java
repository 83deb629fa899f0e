package org.mlnews.cli;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.mlnews.publish.Credentials;
import org.mlnews.publish.PublishReport;
import org.mlnews.publish.Publisher;
import org.mlnews.store.Store;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "publish", description = {
    "Send the store's issue graphs, and the ontology and topic graphs, to another triple store with the",
    "SPARQL 1.1 Graph Store Protocol (PUT ?graph=IRI per graph, so publishing again replaces). Only the",
    "graphs changed since the last publish to that URL are sent; graphs gone from the store are deleted there.",
    "Credentials: --user or --bearer, else the environment variables " + Credentials.ENV_USER
        + " (user:password) or " + Credentials.ENV_BEARER + "."})
final class PublishCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOptions options;

  @Option(names = "--to", required = true, paramLabel = "URL",
      description = "Graph Store Protocol endpoint, e.g. http://localhost:3030/ds/data")
  String to;

  @ArgGroup(exclusive = true)
  Auth auth;

  static final class Auth {
    @Option(names = "--user", paramLabel = "USER:PASSWORD", description = "HTTP basic authentication.")
    String user;

    @Option(names = "--bearer", paramLabel = "TOKEN", description = "A bearer token.")
    String bearer;
  }

  @Option(names = "--retries", defaultValue = "4", description = "Retries of a request after a network error, 408, 429 or 5xx. Default: ${DEFAULT-VALUE}")
  int retries;

  @Option(names = "--backoff", defaultValue = "0.5", paramLabel = "SECONDS",
      description = "Wait before the first retry; it doubles with each retry. Default: ${DEFAULT-VALUE}")
  double backoff;

  @Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDS", description = "Time limit of one request. Default: ${DEFAULT-VALUE}")
  double timeout;

  @Option(names = "--parallel", defaultValue = "4", paramLabel = "N",
      description = "Requests in flight at once. Default: ${DEFAULT-VALUE}")
  int parallel;

  @Option(names = "--force", description = "Send every graph, whatever was published before.")
  boolean force;

  @Option(names = "--dry-run", description = "Say what would be sent; send nothing.")
  boolean dryRun;

  @Option(names = {"-q", "--quiet"}, description = "Print only the summary line.")
  boolean quiet;

  @Override
  public Integer call() {
    Publisher publisher;
    try {
      Credentials credentials;
      if (auth != null && auth.user != null) {
        credentials = Credentials.basic(auth.user);
      } else if (auth != null && auth.bearer != null) {
        credentials = Credentials.bearer(auth.bearer);
      } else {
        credentials = Credentials.fromEnvironment(System.getenv()).orElse(Credentials.none());
      }
      publisher = Publisher.builder().target(URI.create(to)).credentials(credentials).retries(retries)
          .backoff(Duration.ofMillis(Math.round(backoff * 1000)))
          .timeout(Duration.ofMillis(Math.round(timeout * 1000))).force(force).dryRun(dryRun).parallel(parallel).build();
    } catch (IllegalArgumentException e) {
      throw new Cli.UsageException(e.getMessage());
    }
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    PublishReport report;
    try (Store store = options.existingStore()) {
      report = publisher.publish(store, options.iris(), line -> {
        // Called from the sending threads: one line at a time.
        if (line.startsWith("failed")) {
          err.println(line);
          err.flush();
        } else if (!quiet) {
          out.println(line);
        }
      });
    }
    out.println(report.summary() + (report.auth().equals("none") ? "" : "; authentication " + report.auth()));
    out.flush();
    return report.ok() ? Cli.OK : Cli.FAILURE;
  }
}
