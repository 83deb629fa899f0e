package org.mlnews.server.pages;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.mlnews.build.BuildReport;
import org.mlnews.build.Builder;
import org.mlnews.query.ParamBinder;
import org.mlnews.query.QueryLibrary;
import org.mlnews.rdf.Iris;
import org.mlnews.server.MlnewsServer;
import org.mlnews.store.Store;
import org.mlnews.topics.TopicScheme;

/**
 * A real server over a TDB2 store built from the repository's {@code data/*.md} plus one planted
 * issue (week 42 of 2020) whose headline, title and summary carry {@code <script>} and
 * {@code <img onerror>}: the pages must show that text, inert.
 */
final class BrowserFixture implements AutoCloseable {
  static final String W41 = "akiras-ml-news-week41-2020-ff1938c74adf";
  static final String W48 = "akiras-ml-news-week48-2020-150accbf126e";
  static final String PLANTED = "akiras-ml-news-week42-2020-planted";
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  final Store store;
  final MlnewsServer server;
  final String base;
  final Iris iris;

  private BrowserFixture(Store store, MlnewsServer server, Iris iris) {
    this.store = store;
    this.server = server;
    this.base = server.baseUrl();
    this.iris = iris;
  }

  /** Small pages, so the bundled issues make lists long enough to paginate. */
  static final int PAGE_SIZE = 10;

  static BrowserFixture start(Path dir, Iris iris) throws IOException {
    Path data = dir.resolve("data");
    Files.createDirectories(data);
    try (Stream<Path> files = Files.list(Path.of("data"))) {
      for (Path f : files.filter(f -> f.toString().endsWith(".md")).toList()) {
        Files.copy(f, data.resolve(f.getFileName()));
      }
    }
    try (InputStream in = BrowserFixture.class.getResourceAsStream("/browser/" + PLANTED + ".md")) {
      Files.copy(in, data.resolve(PLANTED + ".md"));
    }
    Store store = Store.open(dir.resolve("store"));
    BuildReport report = new Builder(data, Path.of("ontology"), iris).build(store);
    if (!report.ok()) {
      throw new IllegalStateException("fixture build failed: " + report.summary());
    }
    var binder = new ParamBinder(iris, TopicScheme.load(Path.of("ontology", "topics.ttl")));
    MlnewsServer server = MlnewsServer.builder().store(store).queries(QueryLibrary.load(Path.of("queries")))
        .binder(binder).iris(iris).pageSize(PAGE_SIZE).port(0).host("127.0.0.1").build().start();
    return new BrowserFixture(store, server, iris);
  }

  HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
    return send("GET", path, headers);
  }

  HttpResponse<String> send(String method, String path, String... headers) throws IOException, InterruptedException {
    var b = HttpRequest.newBuilder(URI.create(base + (path.startsWith("/") ? path.substring(1) : path)))
        .timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) {
      b.headers(headers);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A raw request line, for paths java.net.URI would normalise or refuse. */
  int rawStatus(String rawPath) throws IOException {
    try (var socket = new java.net.Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      var out = socket.getOutputStream();
      out.write(("GET " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      out.flush();
      String status = new String(socket.getInputStream().readNBytes(12), java.nio.charset.StandardCharsets.US_ASCII);
      return Integer.parseInt(status.substring(9, 12));
    }
  }

  @Override
  public void close() {
    server.stop();
    store.close();
  }
}
