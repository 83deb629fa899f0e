package org.mlnews.dump;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.graph.GraphFactory;
import org.mlnews.rdf.Iris;
import org.mlnews.rdf.Vocab;
import org.mlnews.store.Store;

/**
 * The dataset's description in VoID and DCAT, computed from the store: triples, entities,
 * distinct subjects and objects, entities per class, triples per property, vocabularies, the
 * topics used (as {@code dcat:theme}), the time span the issues cover, the last build's time
 * ({@code dcterms:modified}); plus, when published, the SPARQL endpoint, version, issue date and
 * the dumps with their formats, sizes and checksums. What cannot be computed (title, license...)
 * comes from {@code ontology/dataset.ttl}. The same data gives the same description.
 *
 * <pre>{@code
 * Describer describer = Describer.load(Path.of("ontology"), iris);
 * Graph voidGraph = store.read(() -> describer.describe(store.datasetGraph(),
 *     Describer.Publication.endpoint("http://localhost:3030/mlnews/sparql")));
 * Dumper.write(voidGraph, DumpFormat.TURTLE, System.out);
 * }</pre>
 */
public final class Describer {
  static final String VOID = Prefixes.VOID;
  static final String DCAT = Prefixes.DCAT;
  static final String SPDX = Prefixes.SPDX;
  static final String IANA = "https://www.iana.org/assignments/media-types/";

  private final Iris iris;
  private final Graph info;

  /** A describer for data under {@code iris}, with {@code info}'s triples about the dataset. */
  public Describer(Iris iris, Graph info) {
    this.iris = Objects.requireNonNull(iris, "iris");
    this.info = Objects.requireNonNull(info, "info");
  }

  /**
   * Reads {@code dataset.ttl} from the ontology folder (relative IRIs against the base).
   *
   * @throws IllegalArgumentException when the file is missing: a description without the
   *     dataset's licence and title must not be published by mistake (a command run from another
   *     folder than the project's would otherwise describe the data with neither)
   */
  public static Describer load(Path ontologyDir, Iris iris) {
    Path file = ontologyDir.resolve("dataset.ttl");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no dataset description: " + file + " does not exist (it gives the"
          + " dataset's title, licence and landing page; point --ontology at the folder that holds it)");
    }
    return new Describer(iris, RDFParser.source(file).base(iris.base()).toGraph());
  }

  public Iris iris() {
    return iris;
  }

  /**
   * One dump file.
   *
   * @param format    its format
   * @param url       where it is downloaded from
   * @param gzip      whether it is gzipped
   * @param byteSize  its size in bytes (as downloaded), or null when not known in advance (a
   *                  server writes its dumps when first asked)
   * @param sha256    SHA-256 of its bytes, hex, or null likewise
   */
  public record Distribution(DumpFormat format, String url, boolean gzip, Long byteSize, String sha256) {}

  /**
   * What a publication adds to the computed description; every part optional.
   *
   * @param sparqlEndpoint the SPARQL endpoint's URL, or null
   * @param version        the release's version, or null
   * @param issued         the release's date, or null
   * @param distributions  the dump files
   */
  public record Publication(String sparqlEndpoint, String version, LocalDate issued,
      List<Distribution> distributions) {
    public Publication {
      distributions = List.copyOf(distributions);
    }

    public static Publication none() {
      return new Publication(null, null, null, List.of());
    }

    public static Publication endpoint(String sparqlEndpoint) {
      return new Publication(sparqlEndpoint, null, null, List.of());
    }
  }

  /** The description of the store; call inside a read transaction. */
  public Graph describe(DatasetGraph dsg, Publication pub) {
    Graph g = GraphFactory.createDefaultGraph();
    Node ds = iris.dataset();
    info.find().forEach(g::add);
    add(g, ds, Vocab.RDF_TYPE, uri(VOID + "Dataset"));
    add(g, ds, Vocab.RDF_TYPE, uri(DCAT + "Dataset"));

    // Sizes.
    add(g, ds, uri(VOID + "triples"), integer(dsg.getUnionGraph().size()));
    RowSet counts = select(dsg, """
        SELECT (COUNT(DISTINCT ?s) AS ?subjects) (COUNT(DISTINCT ?o) AS ?objects)
               (COUNT(DISTINCT ?p) AS ?properties) WHERE { ?s ?p ?o }""");
    var row = counts.next();
    add(g, ds, uri(VOID + "distinctSubjects"), row.get("subjects"));
    add(g, ds, uri(VOID + "distinctObjects"), row.get("objects"));
    add(g, ds, uri(VOID + "properties"), row.get("properties"));
    add(g, ds, uri(VOID + "entities"), one(dsg, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o "
        + "FILTER(isIRI(?s) && STRSTARTS(STR(?s), \"" + iris.base() + "\")) }"));
    add(g, ds, uri(VOID + "uriSpace"), NodeFactory.createLiteralString(iris.base()));

    // Classes and properties, and the vocabularies they come from.
    var vocabularies = new TreeSet<String>(Terms.CODE_POINT_ORDER);
    int classes = 0;
    RowSet byClass = select(dsg, "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c FILTER(isIRI(?c)) } GROUP BY ?c");
    while (byClass.hasNext()) {
      var r = byClass.next();
      Node part = NodeFactory.createBlankNode();
      add(g, ds, uri(VOID + "classPartition"), part);
      add(g, part, uri(VOID + "class"), r.get("c"));
      add(g, part, uri(VOID + "entities"), r.get("n"));
      vocabularies.add(namespace(r.get("c").getURI()));
      classes++;
    }
    add(g, ds, uri(VOID + "classes"), integer(classes));
    RowSet byProperty = select(dsg, "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p");
    while (byProperty.hasNext()) {
      var r = byProperty.next();
      Node part = NodeFactory.createBlankNode();
      add(g, ds, uri(VOID + "propertyPartition"), part);
      add(g, part, uri(VOID + "property"), r.get("p"));
      add(g, part, uri(VOID + "triples"), r.get("n"));
      vocabularies.add(namespace(r.get("p").getURI()));
    }
    for (String v : vocabularies) {
      add(g, ds, uri(VOID + "vocabulary"), uri(v));
    }

    // Topics, time, freshness.
    RowSet topics = select(dsg, "PREFIX dcterms: <" + Vocab.DCTERMS + "> PREFIX skos: <" + Vocab.SKOS + ">"
        + " SELECT DISTINCT ?t WHERE { ?x dcterms:subject ?t . ?t a skos:Concept }");
    topics.forEachRemaining(r -> add(g, ds, uri(DCAT + "theme"), r.get("t")));
    RowSet schemes = select(dsg, "PREFIX skos: <" + Vocab.SKOS + "> SELECT ?s WHERE { ?s a skos:ConceptScheme }");
    schemes.forEachRemaining(r -> add(g, ds, uri(DCAT + "themeTaxonomy"), r.get("s")));
    RowSet span = select(dsg, "PREFIX ml: <" + Vocab.ML + "> PREFIX schema: <" + Vocab.SCHEMA + ">"
        + " SELECT (MIN(?start) AS ?from) (MAX(?end) AS ?to) WHERE { ?i a ml:Issue ."
        + " { ?i ml:week ?p } UNION { ?i ml:month ?p } ?p schema:startDate ?start ; schema:endDate ?end }");
    var spanRow = span.next();
    if (spanRow.get("from") != null) {
      Node period = NodeFactory.createBlankNode();
      add(g, ds, uri(Vocab.DCTERMS + "temporal"), period);
      add(g, period, Vocab.RDF_TYPE, uri(Vocab.DCTERMS + "PeriodOfTime"));
      add(g, period, uri(DCAT + "startDate"), spanRow.get("from"));
      add(g, period, uri(DCAT + "endDate"), spanRow.get("to"));
    }
    Node modified = one(dsg, "PREFIX prov: <" + Vocab.PROV + "> SELECT (MAX(?t) AS ?n) WHERE { ?g prov:generatedAtTime ?t }");
    if (modified != null) {
      add(g, ds, uri(Vocab.DCTERMS + "modified"), modified);
    }
    Node example = one(dsg, "PREFIX ml: <" + Vocab.ML + "> SELECT (MIN(STR(?i)) AS ?n) WHERE { ?i a ml:Issue }");
    if (example != null) {
      add(g, ds, uri(VOID + "exampleResource"), uri(example.getLiteralLexicalForm()));
    }

    // The publication.
    if (pub.sparqlEndpoint() != null) {
      Node endpoint = uri(pub.sparqlEndpoint());
      add(g, ds, uri(VOID + "sparqlEndpoint"), endpoint);
      // DCAT reaches a service through a distribution (dcat:accessService's domain is
      // dcat:Distribution); both are named under the dataset's IRI, which describes them.
      Node service = uri(ds.getURI() + "#sparql-service");
      Node access = uri(ds.getURI() + "#sparql");
      add(g, ds, uri(DCAT + "distribution"), access);
      add(g, access, Vocab.RDF_TYPE, uri(DCAT + "Distribution"));
      add(g, access, uri(Vocab.DCTERMS + "title"), NodeFactory.createLiteralLang("SPARQL endpoint", "en"));
      add(g, access, uri(DCAT + "accessURL"), endpoint);
      add(g, access, uri(DCAT + "accessService"), service);
      add(g, service, Vocab.RDF_TYPE, uri(DCAT + "DataService"));
      add(g, service, uri(DCAT + "endpointURL"), endpoint);
      add(g, service, uri(Vocab.DCTERMS + "conformsTo"), uri("https://www.w3.org/TR/sparql11-protocol/"));
      add(g, service, uri(DCAT + "servesDataset"), ds);
    }
    if (pub.version() != null) {
      add(g, ds, uri(DCAT + "version"), NodeFactory.createLiteralString(pub.version()));
      add(g, ds, uri(Vocab.OWL + "versionInfo"), NodeFactory.createLiteralString(pub.version()));
    }
    if (pub.issued() != null) {
      add(g, ds, uri(Vocab.DCTERMS + "issued"), NodeFactory.createLiteralDT(pub.issued().toString(), XSDDatatype.XSDdate));
    }
    for (Distribution d : pub.distributions()) {
      Node url = uri(d.url());
      add(g, ds, uri(VOID + "dataDump"), url);
      add(g, ds, uri(VOID + "feature"), uri(d.format().formatIri()));
      Node dist = NodeFactory.createBlankNode();
      add(g, ds, uri(DCAT + "distribution"), dist);
      add(g, dist, Vocab.RDF_TYPE, uri(DCAT + "Distribution"));
      add(g, dist, uri(Vocab.DCTERMS + "title"), NodeFactory.createLiteralLang(
          d.format().formatIri().substring(d.format().formatIri().lastIndexOf('/') + 1).replace('_', '/')
              + " dump" + (d.gzip() ? ", gzipped" : ""), "en"));
      add(g, dist, uri(DCAT + "downloadURL"), url);
      add(g, dist, uri(DCAT + "mediaType"), uri(IANA + d.format().mediaType()));
      add(g, dist, uri(Vocab.DCTERMS + "format"), uri(d.format().formatIri()));
      if (d.gzip()) {
        add(g, dist, uri(DCAT + "compressFormat"), uri(IANA + "application/gzip"));
      }
      if (d.byteSize() != null) {
        add(g, dist, uri(DCAT + "byteSize"), NodeFactory.createLiteralDT(Long.toString(d.byteSize()),
            XSDDatatype.XSDnonNegativeInteger));
      }
      if (d.sha256() != null) {
        Node checksum = NodeFactory.createBlankNode();
        add(g, dist, uri(SPDX + "checksum"), checksum);
        add(g, checksum, Vocab.RDF_TYPE, uri(SPDX + "Checksum"));
        add(g, checksum, uri(SPDX + "algorithm"), uri(SPDX + "checksumAlgorithm_sha256"));
        add(g, checksum, uri(SPDX + "checksumValue"), NodeFactory.createLiteralDT(d.sha256(), XSDDatatype.XSDhexBinary));
      }
    }
    return g;
  }

  /** The description of a store, in a read transaction of its own. */
  public Graph describe(Store store, Publication pub) {
    return store.read(() -> describe(store.datasetGraph(), pub));
  }

  private static RowSet select(DatasetGraph dsg, String query) {
    return QueryExec.dataset(dsg).query(query).select().materialize();
  }

  private static Node one(DatasetGraph dsg, String query) {
    RowSet rs = select(dsg, query);
    return rs.hasNext() ? rs.next().get("n") : null;
  }

  /** The namespace of a term: up to its last '#' or '/'. */
  static String namespace(String iri) {
    int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
    return cut < 0 ? iri : iri.substring(0, cut + 1);
  }

  private static void add(Graph g, Node s, Node p, Node o) {
    if (o != null) {
      g.add(Triple.create(s, p, o));
    }
  }

  private static Node uri(String iri) {
    return NodeFactory.createURI(iri);
  }

  private static Node integer(long n) {
    return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
  }
}
