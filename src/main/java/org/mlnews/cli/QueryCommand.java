package org.mlnews.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.jena.query.Query;
import org.mlnews.query.NamedQuery;
import org.mlnews.query.Param;
import org.mlnews.query.ParamBinder;
import org.mlnews.query.ParamException;
import org.mlnews.query.QueryLibrary;
import org.mlnews.query.QueryRunner;
import org.mlnews.query.ResultFormat;
import org.mlnews.store.Store;
import org.mlnews.topics.TopicScheme;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "query", description = {
    "Run a named query from the queries folder, a .rq file, or SPARQL text on the store.",
    "Parameters are bound as RDF terms, never pasted into the query text."})
final class QueryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOptions options;

  @ArgGroup(exclusive = true, multiplicity = "1")
  What what;

  static final class What {
    @Parameters(paramLabel = "NAME|FILE", description = "A named query (see --list) or a .rq file.")
    String name;

    @Option(names = "--sparql", paramLabel = "TEXT", description = "SPARQL query text.")
    String sparql;

    @Option(names = "--list", description = "List the named queries with their parameters.")
    boolean list;
  }

  @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
      description = "A parameter value; repeatable, once per parameter.")
  List<String> paramArgs = new ArrayList<>();

  /** The --param values by name; a name given twice is a mistake, not a choice of the last. */
  private Map<String, String> params() {
    var params = new LinkedHashMap<String, String>();
    for (String arg : paramArgs) {
      int eq = arg.indexOf('=');
      if (eq < 1) {
        throw new Cli.UsageException("--param takes NAME=VALUE, not '" + arg + "'");
      }
      String name = arg.substring(0, eq);
      if (params.put(name, arg.substring(eq + 1)) != null) {
        throw new Cli.UsageException("parameter '" + name + "' given " + paramArgs.stream()
            .filter(a -> a.startsWith(name + "=")).count() + " times");
      }
    }
    return params;
  }

  @Option(names = {"-f", "--format"}, defaultValue = "table",
      description = "table, csv, tsv, json, xml (SELECT/ASK); turtle, jsonld, ntriples, rdfxml (CONSTRUCT/DESCRIBE). Default: ${DEFAULT-VALUE}")
  String format;

  @Option(names = "--timeout", defaultValue = "60", description = "Time limit in seconds (0: none). Default: ${DEFAULT-VALUE}")
  long timeoutSeconds;

  @Override
  public Integer call() throws IOException, ParamException {
    var out = spec.commandLine().getOut();
    QueryLibrary library = QueryLibrary.load(options.queries);
    if (what.list) {
      for (NamedQuery q : library.all()) {
        out.println(q.name() + "  —  " + q.title());
        q.params().forEach(p -> out.println("    --param " + p.name() + "=<" + p.typeToken() + ">"
            + (p.required() ? "" : " (optional)") + "  " + p.description()));
      }
      out.flush();
      return Cli.OK;
    }
    if (timeoutSeconds < 0) {
      throw new Cli.UsageException("--timeout must be 0 (no limit) or a number of seconds, not " + timeoutSeconds);
    }
    ResultFormat fmt;
    try {
      fmt = ResultFormat.parse(format);
    } catch (IllegalArgumentException e) {
      throw new Cli.UsageException(e.getMessage());
    }
    NamedQuery named = resolve(library);
    // The topic scheme only where a parameter needs it: SPARQL text runs from any folder.
    var topics = named.params().stream().anyMatch(p -> p.type().isTopic())
        ? TopicScheme.load(options.ontology.resolve("topics.ttl")) : TopicScheme.empty();
    try (Store store = options.existingStore()) {
      Query query = new ParamBinder(options.iris(), topics)
          .withIssues(ParamBinder.issuesIn(store.datasetGraph())).bind(named, params());
      if (store.read(() -> store.graphNames(options.iris().issueGraphPrefix()).isEmpty())) {
        spec.commandLine().getErr().println("note: the store " + options.store
            + " holds no issues; run 'mlnews build' first");
      }
      // Buffered so that a query failing half-way (a timeout) prints an error, not half a result.
      var stream = new java.io.ByteArrayOutputStream();
      try {
        QueryRunner.run(store.datasetGraph(), query, fmt, stream, timeoutSeconds * 1000);
      } catch (IllegalArgumentException e) {
        throw new Cli.UsageException(e.getMessage());
      } catch (org.apache.jena.query.QueryCancelledException e) {
        throw new IllegalStateException("the query ran over its time limit of " + timeoutSeconds
            + " s (--timeout; 0 for none)");
      }
      out.print(stream.toString(StandardCharsets.UTF_8));
      out.flush();
    }
    return Cli.OK;
  }

  private NamedQuery resolve(QueryLibrary library) throws IOException {
    if (what.sparql != null) {
      return parse("sparql", "--sparql", what.sparql);
    }
    var named = library.get(what.name);
    if (named.isPresent()) {
      return named.get();
    }
    Path file = Path.of(what.name);
    if (what.name.endsWith(".rq") && Files.isRegularFile(file)) {
      return parse(file.getFileName().toString().replaceFirst("\\.rq$", ""), what.name,
          Files.readString(file, StandardCharsets.UTF_8));
    }
    if (!Files.isDirectory(options.queries)) {
      throw new Cli.UsageException("no named query '" + what.name + "': the queries folder " + options.queries
          + " does not exist (give it with --queries), and there is no such .rq file");
    }
    throw new Cli.UsageException("no named query '" + what.name + "' in " + options.queries
        + " and no such .rq file; known: " + String.join(", ",
            library.all().stream().map(NamedQuery::name).toList()));
  }

  private static NamedQuery parse(String name, String source, String text) {
    try {
      return NamedQuery.parse(name, source, text);
    } catch (IllegalArgumentException e) {
      throw new Cli.UsageException(e.getMessage());
    }
  }
}
