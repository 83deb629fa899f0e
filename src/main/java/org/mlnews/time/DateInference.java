package org.mlnews.time;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.mlnews.issue.Issue;
import org.mlnews.issue.WeekRef;

/**
 * Gives a week to numbered issues that declare none, from the issues around them. The newsletter
 * is weekly, so issue {@code n + k} normally appears {@code k} weeks after issue {@code n}.
 *
 * <pre>{@code
 * Map<String, DateInference.Inferred> inferred = DateInference.infer(allIssues);
 * inferred.get("akiras-ml-news-19");
 * // Inferred[week=2021-W24, basis=interpolated between #18 (2021-W23) and #20 (2021-W25)]
 * }</pre>
 *
 * <p><b>Which issues get a week.</b> Those with an {@code issueNumber} but neither a {@code week}
 * nor a {@code month} (monthly summaries are not in the weekly sequence). Issues with no usable
 * evidence get no entry in the result.
 *
 * <p><b>Known weeks (anchors).</b> A numbered issue's declared week, or, when it declares none,
 * the week of its {@code coverageStart}. Inferred weeks are never used as anchors, so one guess
 * never feeds another. When several anchors share a number (an original and its translation), a
 * declared week is preferred to a coverage date, then the smallest slug, so the result does not
 * depend on input order.
 *
 * <p><b>Evidence, best first</b>, named in {@link Inferred#basis()}:
 * <ol>
 *   <li>the issue's own {@code coverageStart} ("intro date 2021-07-25");
 *   <li>an anchor with the same issue number ("same issue number as slug (2021-W25)");
 *   <li>interpolation between the nearest lower and the nearest higher anchor. When they are as
 *       many weeks apart as issue numbers apart this is exact; otherwise (a break, a double
 *       issue) the weeks between them are spread evenly over the numbers, rounding half up, and
 *       the basis says so;
 *   <li>extrapolation from the nearest lower, else the nearest higher anchor, one week per issue.
 * </ol>
 *
 * <p><b>In the graph.</b> An inferred week is written like a declared one ({@code ml:week}) and
 * the issue is marked {@code ml:dateInferred true}, with the basis kept as a note, so that queries
 * can tell a guessed date from a stated one and readers can see why.
 */
public final class DateInference {
  private DateInference() {}

  /**
   * An inferred week and the evidence for it.
   *
   * @param week  the inferred newsletter week
   * @param basis one readable phrase naming the evidence, e.g. "2 issues after #24 (2021-W31)"
   */
  public record Inferred(WeekRef week, String basis) {
    public Inferred {
      Objects.requireNonNull(week, "week");
      Objects.requireNonNull(basis, "basis");
    }
  }

  /** An issue whose week is known, by number. */
  private record Anchor(int number, Week week, boolean declared, String slug) {
    String describe() {
      return "#" + number + " (" + week.key() + ")";
    }
  }

  /**
   * Inferred weeks by slug, for every issue of {@code issues} that has a number, no week and no
   * month, and some evidence; sorted by slug. Never throws on odd data: evidence that leads
   * outside the supported years is ignored.
   */
  public static Map<String, Inferred> infer(List<Issue> issues) {
    var anchors = new TreeMap<Integer, Anchor>();
    for (Issue issue : issues) {
      Anchor a = anchorOf(issue);
      if (a != null) {
        anchors.merge(a.number(), a, DateInference::better);
      }
    }
    var out = new TreeMap<String, Inferred>();
    for (Issue issue : issues) {
      // A declared week its year does not have dates nothing (the mapper leaves it out), so such
      // an issue is inferred like one without a week.
      if (issue.issueNumber() == null || NewsletterCalendar.exists(issue.week()) || issue.month() != null) {
        continue;
      }
      Inferred inferred = inferOne(issue, anchors);
      if (inferred != null) {
        out.putIfAbsent(issue.slug(), inferred);
      }
    }
    return Collections.unmodifiableMap(out);
  }

  private static Anchor anchorOf(Issue issue) {
    if (issue.issueNumber() == null) {
      return null;
    }
    if (issue.week() != null) {
      if (!NewsletterCalendar.exists(issue.week())) {
        return null; // a week that does not exist is no evidence; DateChecks reports it
      }
      return new Anchor(issue.issueNumber(), Week.of(issue.week()), true, issue.slug());
    }
    if (issue.month() == null && issue.coverageStart() != null) {
      Week w = weekOrNull(issue.coverageStart());
      return w == null ? null : new Anchor(issue.issueNumber(), w, false, issue.slug());
    }
    return null;
  }

  private static Anchor better(Anchor a, Anchor b) {
    Comparator<Anchor> order = Comparator.comparing((Anchor x) -> !x.declared())
        .thenComparing(Anchor::slug);
    return order.compare(a, b) <= 0 ? a : b;
  }

  private static Inferred inferOne(Issue issue, TreeMap<Integer, Anchor> anchors) {
    int n = issue.issueNumber();
    if (issue.coverageStart() != null) {
      Week w = weekOrNull(issue.coverageStart());
      if (w != null) {
        return new Inferred(w.ref(), "intro date " + issue.coverageStart());
      }
    }
    Anchor same = anchors.get(n);
    if (same != null && !same.slug().equals(issue.slug())) {
      return new Inferred(same.week().ref(),
          "same issue number as " + same.slug() + " (" + same.week().key() + ")");
    }
    Map.Entry<Integer, Anchor> lowEntry = anchors.lowerEntry(n);
    Map.Entry<Integer, Anchor> highEntry = anchors.higherEntry(n);
    Anchor low = lowEntry == null ? null : lowEntry.getValue();
    Anchor high = highEntry == null ? null : highEntry.getValue();
    if (low != null && high != null) {
      Inferred i = interpolate(n, low, high);
      if (i != null) {
        return i;
      }
    }
    if (low != null) {
      int k = n - low.number();
      Week w = weekOrNull(low.week().start().plusWeeks(k));
      if (w != null) {
        return new Inferred(w.ref(), plural(k, "issue") + " after " + low.describe());
      }
    }
    if (high != null) {
      int k = high.number() - n;
      Week w = weekOrNull(high.week().start().minusWeeks(k));
      if (w != null) {
        return new Inferred(w.ref(), plural(k, "issue") + " before " + high.describe());
      }
    }
    return null;
  }

  private static Inferred interpolate(int n, Anchor low, Anchor high) {
    long issuesApart = high.number() - low.number();
    long weeksApart = ChronoUnit.WEEKS.between(low.week().start(), high.week().start());
    long k = n - low.number();
    // Round half up in integers: offset = round(k * weeksApart / issuesApart).
    long offset = Math.floorDiv(2 * k * weeksApart + issuesApart, 2 * issuesApart);
    Week w = weekOrNull(low.week().start().plusWeeks(offset));
    if (w == null) {
      return null;
    }
    String basis = "interpolated between " + low.describe() + " and " + high.describe();
    if (weeksApart != issuesApart) {
      basis += ", which are " + plural(weeksApart, "week") + " apart for "
          + plural(issuesApart, "issue number") + "; spread evenly";
    }
    return new Inferred(w.ref(), basis);
  }

  private static Week weekOrNull(LocalDate date) {
    try {
      return NewsletterCalendar.weekOf(date);
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      return null; // outside WeekRef's 1900..2999: not usable evidence
    }
  }

  private static String plural(long count, String noun) {
    return count + " " + noun + (Math.abs(count) == 1 ? "" : "s");
  }
}
