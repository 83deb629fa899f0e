package org.mlnews.build;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDFLib;
import org.mlnews.Version;
import org.mlnews.issue.Issue;
import org.mlnews.issue.SourceException;
import org.mlnews.issue.Warning;
import org.mlnews.issue.WeekRef;
import org.mlnews.rdf.Iris;
import org.mlnews.rdf.IssueMapper;
import org.mlnews.rdf.Provenance;
import org.mlnews.rdf.Vocab;
import org.mlnews.store.Store;

/**
 * Checks that need all the files of a build, run by {@link Builder} once its files are parsed
 * and just before its write transaction:
 * <ul>
 *   <li><b>Two files claiming the same week</b> (or month) both load, and each gets a
 *       {@code duplicate-week} ({@code duplicate-month}) warning naming the other files. Claiming
 *       a week twice is odd (a re-post, a copy under another name, a typo in a title) but both
 *       files are real text that a reader may want, and neither is more right than the other;
 *       warnings are data, so the build still exits 0. An issue whose warning changes because
 *       another file came or went is rebuilt, though its own file did not change.
 *   <li><b>Every issue maps to RDF</b> before the write transaction starts: an issue that cannot
 *       be mapped (a bug) fails alone, with its file, instead of aborting every file's changes.
 * </ul>
 * Changes {@code parsed}, {@code failed} and {@code failedSlugs} in place.
 */
final class BuildChecks {
  private BuildChecks() {}

  static void apply(Store store, Iris iris, Extractor extractor, IssueMapper mapper,
      Map<String, Path> sources, List<Issue> known, Map<String, Issue> parsed,
      Map<String, WeekRef> inferred, List<SourceException> failed, Set<String> failedSlugs) {
    duplicateClaims(store, iris, extractor, sources, known, parsed, failed, failedSlugs);
    mapEach(mapper, sources, parsed, inferred, failed, failedSlugs);
  }

  private static void duplicateClaims(Store store, Iris iris, Extractor extractor,
      Map<String, Path> sources, List<Issue> known, Map<String, Issue> parsed,
      List<SourceException> failed, Set<String> failedSlugs) {
    // Who claims what: "week 41 of 2020" -> slugs.
    var claims = new TreeMap<String, TreeSet<String>>();
    var codes = new TreeMap<String, String>();
    for (Issue i : known) {
      if (!sources.containsKey(i.slug())) {
        continue;
      }
      String claim = null;
      if (i.week() != null) {
        claim = "Week " + i.week().number() + " of " + i.week().year();
        codes.put(claim, "duplicate-week");
      } else if (i.month() != null) {
        claim = "Month " + i.month();
        codes.put(claim, "duplicate-month");
      }
      if (claim != null) {
        claims.computeIfAbsent(claim, k -> new TreeSet<>()).add(i.slug());
      }
    }
    var expected = new TreeMap<String, Warning>();
    claims.forEach((claim, slugs) -> {
      if (slugs.size() > 1) {
        for (String slug : slugs) {
          var others = new ArrayList<String>();
          slugs.stream().filter(s -> !s.equals(slug)).forEach(s -> others.add(sources.get(s).toString()));
          expected.put(slug, new Warning(codes.get(claim), claim + " is also claimed by "
              + String.join(", ", others) + "; " + (slugs.size() == 2 ? "both are" : "all " + slugs.size() + " are")
              + " loaded.", 0));
        }
      }
    });
    Map<String, String> stored = store.read(() -> storedClaims(store, iris));
    for (String slug : sources.keySet()) {
      Warning want = expected.get(slug);
      if (parsed.containsKey(slug)) {
        if (want != null) {
          parsed.put(slug, parsed.get(slug).withWarnings(List.of(want)));
        }
      } else if (!failedSlugs.contains(slug) && stored.containsKey(slug)
          && !Objects.equals(stored.get(slug), want == null ? null : want.message())) {
        // Unchanged itself, but another file now claims (or no longer claims) its week.
        try {
          Issue again = extractor.extract(sources.get(slug));
          parsed.put(slug, want == null ? again : again.withWarnings(List.of(want)));
        } catch (SourceException e) {
          failed.add(e);
          failedSlugs.add(slug);
        }
      }
    }
  }

  /** Slug -> message of its stored duplicate-week/month warning, or null when it has none. */
  private static Map<String, String> storedClaims(Store store, Iris iris) {
    var out = new TreeMap<String, String>();
    var dsg = store.datasetGraph();
    for (Node g : store.graphNames(iris.issueGraphPrefix())) {
      String slug = g.getURI().substring(iris.issueGraphPrefix().length());
      Graph graph = dsg.getGraph(g);
      String message = null;
      for (String code : List.of("duplicate-week", "duplicate-month")) {
        var it = graph.find(Node.ANY, Vocab.WARNING_CODE, NodeFactory.createLiteralString(code));
        try {
          while (it.hasNext()) {
            var comments = graph.find(it.next().getSubject(), Vocab.RDFS_COMMENT, Node.ANY);
            try {
              if (comments.hasNext()) {
                message = comments.next().getObject().getLiteralLexicalForm();
              }
            } finally {
              comments.close();
            }
          }
        } finally {
          it.close();
        }
      }
      out.put(slug, message);
    }
    return out;
  }

  private static void mapEach(IssueMapper mapper, Map<String, Path> sources, Map<String, Issue> parsed,
      Map<String, WeekRef> inferred, List<SourceException> failed, Set<String> failedSlugs) {
    var prov = new Provenance("check", "check", Version.EXTRACTOR, Instant.EPOCH);
    for (var it = parsed.entrySet().iterator(); it.hasNext(); ) {
      var e = it.next();
      try {
        mapper.map(e.getValue(), prov, inferred.get(e.getKey()), StreamRDFLib.sinkNull());
      } catch (RuntimeException ex) {
        failed.add(new SourceException(sources.get(e.getKey()), 0, 0,
            "cannot be stored as RDF (a bug in mlnews; please report it): " + ex, ex));
        failedSlugs.add(e.getKey());
        it.remove();
      }
    }
  }
}
