package org.mlnews.server;

import java.util.Map;

import java.util.LinkedHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.jena.graph.Graph;
import org.mlnews.dump.Describer;
import org.mlnews.dump.DumpFormat;
import org.mlnews.dump.Dumper;
import org.mlnews.store.Store;

/**
 * {@code GET /.well-known/void}: the dataset's VoID/DCAT description, computed from the store
 * at each request (so it follows {@code --watch} rebuilds) and naming this server's SPARQL
 * endpoint. Turtle by default; {@code Accept} (or {@code ?format=}) may ask for JSON-LD,
 * N-Triples or RDF/XML; a browser, which prefers HTML, is sent to the dataset's page.
 *
 * <pre>{@code
 * FusekiServer.create().addServlet("/.well-known/void", new VoidServlet(store, describer, "/mlnews", "/dataset"));
 * }</pre>
 */
public final class VoidServlet extends ReadOnlyServlet {
  private static final long serialVersionUID = 1L;
  /** The path it is served at (RFC 8615 well-known URI registered for VoID). */
  public static final String PATH = org.mlnews.server.pages.LocalPaths.VOID;

  private final transient Store store;
  private final transient Describer describer;
  private final String datasetPath;
  private final String page;

  /**
   * @param page the browser's page about the dataset ({@code /dataset}), where a browser asking for
   *     HTML is sent (303), or null when there is none
   */
  public VoidServlet(Store store, Describer describer, String datasetPath, String page) {
    this.store = store;
    this.describer = describer;
    this.datasetPath = datasetPath;
    this.page = page;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    DumpFormat format;
    String asked = req.getParameter("format");
    if (asked != null) {
      try {
        format = DumpFormat.parse(asked);
      } catch (IllegalArgumentException e) {
        format = null;
      }
      if (format == null || format.quads()) {
        text(resp, 400, "Unknown format '" + asked + "' : expected turtle, jsonld, ntriples or rdfxml");
        return;
      }
    } else if (page != null && PAGE_OR_DATA.choose(req.getHeader("Accept")).orElse(false)) {
      // A browser's Accept takes application/xml (q=0.9) before */*: it would download RDF/XML.
      resp.setStatus(303);
      resp.setHeader("Location", page);
      Conneg.varyOnAccept(resp);
      return;
    } else {
      format = negotiate(req.getHeader("Accept"));
    }
    String url = req.getRequestURL().toString();
    String root = url.substring(0, url.length() - req.getRequestURI().length());
    // This server's endpoint, and its dumps (DumpServlet), gzipped: written when first asked, so
    // with no size or checksum to state in advance.
    var dumps = new java.util.ArrayList<Describer.Distribution>();
    for (String name : DumpServlet.fileNames()) {
      if (name.endsWith(".gz")) {
        dumps.add(new Describer.Distribution(DumpFormat.forFileName(name).orElseThrow(),
            root + DumpServlet.PATH + "/" + name, true, null, null));
      }
    }
    Graph description = describer.describe(store, new Describer.Publication(root + datasetPath + "/sparql",
        null, null, dumps));
    var buffer = new ByteArrayOutputStream();
    Dumper.write(description, format, buffer);
    resp.setStatus(200);
    resp.setContentType(format.mediaType());
    resp.setCharacterEncoding("UTF-8");
    Conneg.varyOnAccept(resp);
    resp.setContentLength(buffer.size());
    buffer.writeTo(resp.getOutputStream());
  }

  private static final Conneg<DumpFormat> CONNEG = new Conneg<>(offers());
  /** True where HTML is preferred to every RDF format (the RDF formats first: they win ties). */
  private static final Conneg<Boolean> PAGE_OR_DATA = new Conneg<>(pageOrData());

  private static Map<String, Boolean> pageOrData() {
    var m = new LinkedHashMap<String, Boolean>();
    offers().keySet().forEach(type -> m.put(type, false));
    m.put("text/html", true);
    m.put("application/xhtml+xml", true);
    return m;
  }

  private static Map<String, DumpFormat> offers() {
    var m = new LinkedHashMap<String, DumpFormat>();
    m.put("text/turtle", DumpFormat.TURTLE);
    m.put("application/ld+json", DumpFormat.JSONLD);
    m.put("application/n-triples", DumpFormat.NTRIPLES);
    m.put("application/rdf+xml", DumpFormat.RDFXML);
    m.put("application/x-turtle", DumpFormat.TURTLE);
    m.put("application/json", DumpFormat.JSONLD);
    m.put("text/plain", DumpFormat.NTRIPLES);
    m.put("application/xml", DumpFormat.RDFXML);
    return m;
  }

  /** The acceptable RDF format of highest quality; Turtle when none is named. */
  static DumpFormat negotiate(String accept) {
    return CONNEG.choose(accept).orElse(DumpFormat.TURTLE);
  }
}
