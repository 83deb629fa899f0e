package org.mlnews.rdf;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The terms of the mlnews ontology ({@code ontology/mlnews.ttl}) and of the standard vocabularies
 * the mapping reuses, as constants. A test checks that every {@code ML} term here is declared in
 * the ontology file, so the two cannot drift apart.
 *
 * <pre>{@code
 * stream.triple(Triple.create(issue, Vocab.RDF_TYPE, Vocab.ISSUE));
 * }</pre>
 */
public final class Vocab {
  private Vocab() {}

  /** The ontology's namespace; fixed, whatever base the data is published under. */
  public static final String ML = "https://mlnews.example.org/ontology#";
  /** Namespace of the topic concepts in {@code ontology/topics.ttl}. */
  public static final String TOPIC = "https://mlnews.example.org/topic/";

  public static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
  public static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
  public static final String OWL = "http://www.w3.org/2002/07/owl#";
  public static final String XSD = "http://www.w3.org/2001/XMLSchema#";
  public static final String DCTERMS = "http://purl.org/dc/terms/";
  public static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
  public static final String SCHEMA = "https://schema.org/";
  public static final String TIME = "http://www.w3.org/2006/time#";
  /** The Library of Congress's IRIs of the ISO 639-1 and 639-2 languages: {@code dcterms:language}'s values. */
  public static final String ISO639_1 = "http://id.loc.gov/vocabulary/iso639-1/";
  public static final String ISO639_2 = "http://id.loc.gov/vocabulary/iso639-2/";
  public static final String PROV = "http://www.w3.org/ns/prov#";
  public static final String FOAF = "http://xmlns.com/foaf/0.1/";
  public static final String BIBO = "http://purl.org/ontology/bibo/";
  public static final String FABIO = "http://purl.org/spar/fabio/";
  /** The RDF Data Cube vocabulary, of the trend statistics. */
  public static final String QB = "http://purl.org/linked-data/cube#";

  private static Node ml(String local) {
    return NodeFactory.createURI(ML + local);
  }

  private static Node uri(String ns, String local) {
    return NodeFactory.createURI(ns + local);
  }

  // Classes
  public static final Node ISSUE = ml("Issue");
  public static final Node WEEKLY_ISSUE = ml("WeeklyIssue");
  public static final Node MONTHLY_SUMMARY = ml("MonthlySummary");
  public static final Node SECTION = ml("Section");
  public static final Node SECTION_KIND = ml("SectionKind");
  public static final Node ENTRY = ml("Entry");
  public static final Node WORK = ml("Work");
  public static final Node PAPER = ml("Paper");
  public static final Node ARTICLE = ml("Article");
  public static final Node WARNING = ml("Warning");
  public static final Node PERIOD = ml("Period");
  public static final Node WEEK = ml("Week");
  public static final Node MONTH = ml("Month");
  public static final Node QUARTER = ml("Quarter");
  public static final Node YEAR = ml("Year");

  // Issue
  public static final Node SLUG = ml("slug");
  public static final Node ISSUE_NUMBER = ml("issueNumber");
  public static final Node WEEK_PROP = ml("week");
  public static final Node MONTH_PROP = ml("month");
  /** Super-property of {@link #WEEK_PROP} and {@link #MONTH_PROP}, materialised by the mapping. */
  public static final Node PERIOD_PROP = ml("period");
  public static final Node COVERAGE_START = ml("coverageStart");
  public static final Node DATE_INFERRED = ml("dateInferred");
  public static final Node HAS_SECTION = ml("hasSection");
  public static final Node HAS_ENTRY = ml("hasEntry");
  public static final Node PREVIOUS_ISSUE = ml("previousIssue");
  public static final Node NEXT_ISSUE = ml("nextIssue");
  public static final Node RELATED_SUMMARY = ml("relatedSummary");
  public static final Node HAS_WARNING = ml("hasWarning");
  public static final Node WARNING_CODE = ml("warningCode");

  // Section and entry
  public static final Node SECTION_NUMBER = ml("sectionNumber");
  public static final Node SECTION_KIND_PROP = ml("sectionKind");
  public static final Node IN_ISSUE = ml("inIssue");
  public static final Node IN_SECTION = ml("inSection");
  public static final Node POSITION = ml("position");
  public static final Node HEADLINE = ml("headline");
  public static final Node ABOUT = ml("about");
  public static final Node LINK = ml("link");
  public static final Node EDITORS_PICK = ml("editorsPick");
  public static final Node SOURCE_LINE = ml("sourceLine");
  public static final Node FEATURED_IN = ml("featuredIn");

  // Works
  public static final Node ARXIV_ID = ml("arxivId");
  public static final Node OPENREVIEW_ID = ml("openreviewId");
  public static final Node PROCEEDINGS_ID = ml("proceedingsId");

  // Time
  public static final Node WEEK_YEAR = ml("weekYear");
  public static final Node WEEK_NUMBER = ml("weekNumber");
  public static final Node MONTH_NUMBER = ml("monthNumber");
  public static final Node QUARTER_NUMBER = ml("quarterNumber");
  public static final Node YEAR_NUMBER = ml("yearNumber");
  public static final Node OVERLAPS = ml("overlaps");
  public static final Node IN_PERIOD = ml("inPeriod");
  public static final Node IMAGE_FILE = ml("imageFile");

  // Trend statistics (RDF Data Cube observations)
  public static final Node TREND_YEAR = ml("trendYear");
  public static final Node TOPIC_PROP = ml("topic");
  public static final Node MENTIONS = ml("mentions");
  public static final Node ISSUE_COUNT = ml("issueCount");
  public static final Node ENTRY_COUNT = ml("entryCount");
  public static final Node TOPIC_MENTIONS = ml("topicMentions");
  public static final Node YEAR_TOTALS = ml("yearTotals");

  // Provenance of a graph
  public static final Node SOURCE_FILE = ml("sourceFile");
  public static final Node CONTENT_HASH = ml("contentHash");
  public static final Node EXTRACTOR_VERSION = ml("extractorVersion");

  /** The ontology itself ({@code ontology/mlnews.ttl}'s {@code owl:Ontology}): the namespace without its {@code #}. */
  public static final Node ONTOLOGY = NodeFactory.createURI(ML.substring(0, ML.length() - 1));

  // Reused terms
  public static final Node RDF_TYPE = uri(RDF, "type");
  public static final Node OWL_ONTOLOGY = uri(OWL, "Ontology");
  public static final Node RDFS_LABEL = uri(RDFS, "label");
  public static final Node RDFS_COMMENT = uri(RDFS, "comment");
  public static final Node DC_TITLE = uri(DCTERMS, "title");
  public static final Node DC_DESCRIPTION = uri(DCTERMS, "description");
  public static final Node DC_SOURCE = uri(DCTERMS, "source");
  public static final Node DC_LANGUAGE = uri(DCTERMS, "language");
  public static final Node DC_SUBJECT = uri(DCTERMS, "subject");
  public static final Node DC_IS_PART_OF = uri(DCTERMS, "isPartOf");
  public static final Node DC_IDENTIFIER = uri(DCTERMS, "identifier");
  public static final Node SCHEMA_START_DATE = uri(SCHEMA, "startDate");
  public static final Node SCHEMA_END_DATE = uri(SCHEMA, "endDate");
  public static final Node SCHEMA_IMAGE = uri(SCHEMA, "image");
  public static final Node SCHEMA_URL = uri(SCHEMA, "url");
  public static final Node FOAF_PAGE = uri(FOAF, "page");
  public static final Node FOAF_PRIMARY_TOPIC = uri(FOAF, "primaryTopic");
  public static final Node BIBO_DOI = uri(BIBO, "doi");
  public static final Node TIME_INTERVAL_IN = uri(TIME, "intervalIn");
  public static final Node TIME_INTERVAL_MEETS = uri(TIME, "intervalMeets");
  public static final Node TIME_INTERVAL_MET_BY = uri(TIME, "intervalMetBy");
  public static final Node PROV_WAS_DERIVED_FROM = uri(PROV, "wasDerivedFrom");
  public static final Node PROV_GENERATED_AT_TIME = uri(PROV, "generatedAtTime");
  public static final Node PROV_ENTITY = uri(PROV, "Entity");
  public static final Node SKOS_CONCEPT = uri(SKOS, "Concept");
  public static final Node SKOS_PREF_LABEL = uri(SKOS, "prefLabel");
  public static final Node SKOS_ALT_LABEL = uri(SKOS, "altLabel");
  public static final Node SKOS_HIDDEN_LABEL = uri(SKOS, "hiddenLabel");
  public static final Node SKOS_BROADER = uri(SKOS, "broader");
  public static final Node SKOS_NOTATION = uri(SKOS, "notation");
  public static final Node QB_OBSERVATION = uri(QB, "Observation");
  public static final Node QB_DATA_SET = uri(QB, "dataSet");

  /** Section kinds as individuals of {@link #SECTION_KIND}: {@code ml:papers}, {@code ml:use-cases}... */
  public static Node sectionKind(org.mlnews.issue.SectionKind kind) {
    return ml(kind.token());
  }
}
