package org.mlnews.server.pages;

import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.mlnews.rdf.PeriodMapper;
import org.mlnews.rdf.Vocab;
import org.mlnews.time.Period;

/**
 * What a resource's IRI answers as data: every triple about it, every triple that points to it
 * (a topic's papers and entries, a week's issues), and the labels of the resources on the other
 * ends, so a client can show them without asking again. The ontology's document answers with the
 * whole ontology; the dataset with its store triples plus a short VoID description.
 *
 * <pre>{@code
 * Graph d = describer.describe(dsg, NodeFactory.createURI("https://mlnews.example.org/topic/GAN"));
 * }</pre>
 */
final class Describer {
  static final String VOID = "http://rdfs.org/ns/void#";

  private final LocalPaths paths;
  private final PeriodMapper periods;

  Describer(LocalPaths paths) {
    this.paths = paths;
    this.periods = new PeriodMapper(paths.iris());
  }

  /** Prefixes for the written formats. */
  static void addPrefixes(Graph out) {
    var pm = out.getPrefixMapping();
    pm.setNsPrefix("ml", Vocab.ML);
    pm.setNsPrefix("topic", Vocab.TOPIC);
    pm.setNsPrefix("dcterms", Vocab.DCTERMS);
    pm.setNsPrefix("skos", Vocab.SKOS);
    pm.setNsPrefix("schema", Vocab.SCHEMA);
    pm.setNsPrefix("time", Vocab.TIME);
    pm.setNsPrefix("prov", Vocab.PROV);
    pm.setNsPrefix("foaf", Vocab.FOAF);
    pm.setNsPrefix("bibo", Vocab.BIBO);
    pm.setNsPrefix("qb", Vocab.QB);
    pm.setNsPrefix("rdfs", Vocab.RDFS);
    pm.setNsPrefix("rdf", Vocab.RDF);
    pm.setNsPrefix("owl", Vocab.OWL);
    pm.setNsPrefix("xsd", Vocab.XSD);
    pm.setNsPrefix("void", VOID);
  }

  private static final Node VERSION_IRI = NodeFactory.createURI(Vocab.OWL + "versionIRI");

  /**
   * Whether {@code r} names the ontology document: its IRI, or the version IRI the ontology
   * states ({@code owl:versionIRI}), which names this version of it. Call in a read transaction.
   */
  boolean isOntology(DatasetGraph dsg, Node r) {
    return r.isURI() && (r.getURI().equals(LocalPaths.ONTOLOGY) || dsg.getGraph(paths.iris().ontologyGraph())
        .contains(NodeFactory.createURI(LocalPaths.ONTOLOGY), VERSION_IRI, r));
  }

  /** The description of {@code r}; empty when the data does not know it. Call in a read transaction. */
  Graph describe(DatasetGraph dsg, Node r) {
    Graph out = GraphFactory.createDefaultGraph();
    addPrefixes(out);
    if (isOntology(dsg, r)) {
      dsg.getGraph(paths.iris().ontologyGraph()).find().forEachRemaining(out::add);
      return out;
    }
    // A named graph's name stands for the graph: its content, as the Graph Store Protocol's
    // ?graph= gives it.
    if (r.isURI() && dsg.containsGraph(r)) {
      dsg.getGraph(r).find().forEachRemaining(out::add);
      return out;
    }
    Graph g = dsg.getUnionGraph();
    Set<Node> neighbours = new LinkedHashSet<>();
    g.find(r, Node.ANY, Node.ANY).forEachRemaining(t -> {
      out.add(t);
      neighbours.add(t.getObject());
    });
    g.find(Node.ANY, Node.ANY, r).forEachRemaining(t -> {
      out.add(t);
      neighbours.add(t.getSubject());
    });
    neighbours.remove(r);
    if (!out.isEmpty() && r.isURI()) {
      // A period the data links to but no issue describes (the week after the last issue's):
      // the calendar says what it is.
      String iri = r.getURI();
      Period p = Period.parse(iri.substring(iri.lastIndexOf('/') + 1));
      if (p != null && r.equals(paths.iris().period(p.key()))) {
        periods.describe(p, StreamRDFLib.graph(out));
      }
    }
    for (Node n : neighbours) {
      if (!n.isURI() && !n.isBlank()) {
        continue;
      }
      for (Node p : Labels.PROPERTIES) {
        g.find(n, p, Node.ANY).forEachRemaining(out::add);
      }
    }
    return out;
  }
}
