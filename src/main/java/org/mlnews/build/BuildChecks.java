package org.mlnews.build;

import java.nio.file.Path;
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
import org.apache.jena.sparql.core.DatasetGraph;
import org.mlnews.issue.Issue;
import org.mlnews.issue.SourceException;
import org.mlnews.issue.Warning;
import org.mlnews.rdf.Vocab;

/**
 * Checks that need all the files of a build, run by {@link Builder} once its files are parsed
 * and before it writes:
 * <ul>
 *   <li><b>Two files claiming the same week</b> (or month) both load, and each gets a
 *       {@code duplicate-week} ({@code duplicate-month}) warning naming the other files. Claiming
 *       a week twice is odd (a re-post, a copy under another name, a typo in a title) but both
 *       files are real text that a reader may want, and neither is more right than the other;
 *       warnings are data, so the build still exits 0. An issue whose warning changes because
 *       another file came or went is rebuilt, though its own file did not change.
 * </ul>
 * Changes {@code parsed}, {@code failed} and {@code failedSlugs} in place.
 */
final class BuildChecks {
  private static final List<String> CLAIM_CODES = List.of("duplicate-week", "duplicate-month");

  private BuildChecks() {}

  /** Reads an issue again from its file. */
  interface Reread {
    Issue issue(String slug) throws SourceException;
  }

  static void duplicateClaims(Reread reread, Map<String, Path> sources, List<Issue> known,
      Map<String, Issue> parsed, Map<String, Builder.Stored> stored, List<SourceException> failed,
      Set<String> failedSlugs) {
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
          // File names, not paths: where the data folder is on the building machine is no fact
          // about the data (and would make two checkouts' graphs differ).
          slugs.stream().filter(s -> !s.equals(slug)).forEach(s -> others.add(sources.get(s).getFileName().toString()));
          expected.put(slug, new Warning(codes.get(claim), claim + " is also claimed by "
              + String.join(", ", others) + "; " + (slugs.size() == 2 ? "both are" : "all " + slugs.size() + " are")
              + " loaded.", Extractor.titleLine(sources.get(slug))));
        }
      }
    });
    for (String slug : sources.keySet()) {
      Warning want = expected.get(slug);
      if (parsed.containsKey(slug)) {
        if (want != null) {
          parsed.put(slug, parsed.get(slug).withWarnings(List.of(want)));
        }
      } else if (!failedSlugs.contains(slug) && stored.containsKey(slug)
          && !Objects.equals(stored.get(slug).claimWarning(), want == null ? null : want.message())) {
        // Unchanged itself, but another file now claims (or no longer claims) its week.
        try {
          Issue again = reread.issue(slug);
          parsed.put(slug, want == null ? again : again.withWarnings(List.of(want)));
        } catch (SourceException e) {
          failed.add(e);
          failedSlugs.add(slug);
        }
      }
    }
  }

  /**
   * Slug -> message of its stored duplicate-week/month warning, for the issue graphs (under
   * {@code graphPrefix}) that have one; found by warning code across all graphs at once.
   */
  static Map<String, String> storedClaims(DatasetGraph dsg, String graphPrefix) {
    var out = new TreeMap<String, String>();
    for (String code : CLAIM_CODES) {
      dsg.find(Node.ANY, Node.ANY, Vocab.WARNING_CODE, NodeFactory.createLiteralString(code)).forEachRemaining(q -> {
        if (q.getGraph().getURI().startsWith(graphPrefix)) {
          dsg.stream(q.getGraph(), q.getSubject(), Vocab.RDFS_COMMENT, Node.ANY).findFirst().ifPresent(c ->
              out.put(q.getGraph().getURI().substring(graphPrefix.length()), c.getObject().getLiteralLexicalForm()));
        }
      });
    }
    return out;
  }

  /** The message of the duplicate-week/month warning in one issue's graph, or null. */
  static String claimIn(Graph g) {
    String claim = null; // the last code's, as storedClaims reads it
    for (String code : CLAIM_CODES) {
      var found = g.find(Node.ANY, Vocab.WARNING_CODE, NodeFactory.createLiteralString(code)).nextOptional();
      if (found.isPresent()) {
        var comment = g.find(found.get().getSubject(), Vocab.RDFS_COMMENT, Node.ANY).nextOptional();
        if (comment.isPresent()) {
          claim = comment.get().getObject().getLiteralLexicalForm();
        }
      }
    }
    return claim;
  }
}
