package org.mlnews.rdf;

import static org.mlnews.rdf.Vocab.*;

import java.time.YearMonth;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.mlnews.issue.WeekRef;
import org.mlnews.time.Month;
import org.mlnews.time.NewsletterCalendar;
import org.mlnews.time.Period;
import org.mlnews.time.Quarter;
import org.mlnews.time.Week;
import org.mlnews.time.Year;

/**
 * Emits the calendar resources an issue needs: its week or month with the month, quarter and year
 * the newsletter's calendar puts it in ({@code ml:inPeriod}; a week by its Sunday), every period
 * it overlaps, and links to the neighbouring periods, so that "in Q4 2020" is the one pattern
 * {@code ?week ml:inPeriod ?q4}. Where a period lies wholly within another, that is stated too,
 * in OWL-Time's terms ({@code time:intervalIn}): a week across two months is in neither.
 *
 * <pre>{@code
 * new PeriodMapper(iris).describe(NewsletterCalendar.week(2020, 42), stream); // what the calendar says of it
 * }</pre>
 */
public final class PeriodMapper {
  private final Iris iris;

  public PeriodMapper(Iris iris) {
    this.iris = iris;
  }

  /**
   * What the calendar says of one period, as an issue's graph states it: type, labels, dates,
   * numbers, neighbours and the periods it is in. For a period the data links to (a week's next
   * week) but no issue's graph describes.
   */
  public void describe(Period p, StreamRDF out) {
    placedIn(period(p, out), p, out);
  }

  Node week(WeekRef ref, StreamRDF out) {
    Week week = NewsletterCalendar.week(ref);
    Node node = period(week, out);
    placedIn(node, week, out);
    for (Period p : NewsletterCalendar.overlaps(week)) {
      emit(out, node, OVERLAPS, node(p));
      if (p instanceof Month m) {
        month(m.ym(), out);
      }
    }
    return node;
  }

  Node month(YearMonth ym, StreamRDF out) {
    Month month = new Month(ym);
    Node node = period(month, out);
    placedIn(node, month, out);
    Quarter quarter = NewsletterCalendar.quarterOf(month);
    placedIn(period(quarter, out), quarter, out);
    period(NewsletterCalendar.yearOf(quarter), out);
    return node;
  }

  private void placedIn(Node node, Period period, StreamRDF out) {
    for (Period p : NewsletterCalendar.placesOf(period)) {
      emit(out, node, IN_PERIOD, node(p));
      if (p.contains(period.start()) && p.contains(period.end())) {
        emit(out, node, TIME_INTERVAL_IN, node(p));
      }
    }
  }

  /** The period's own description and its links to the previous and next period. */
  private Node period(Period p, StreamRDF out) {
    Node node = node(p);
    emit(out, node, RDFS_LABEL, NodeFactory.createLiteralLang(p.labelEn(), "en"));
    emit(out, node, RDFS_LABEL, NodeFactory.createLiteralLang(p.labelZh(), "zh"));
    emit(out, node, SCHEMA_START_DATE, IssueMapper.date(p.start()));
    emit(out, node, SCHEMA_END_DATE, IssueMapper.date(p.end()));
    if (p instanceof Week w) {
      emit(out, node, RDF_TYPE, WEEK);
      emit(out, node, WEEK_YEAR, IssueMapper.integer(w.year()));
      emit(out, node, WEEK_NUMBER, IssueMapper.integer(w.number()));
    } else if (p instanceof Month m) {
      emit(out, node, RDF_TYPE, MONTH);
      emit(out, node, YEAR_NUMBER, IssueMapper.integer(m.year()));
      emit(out, node, MONTH_NUMBER, IssueMapper.integer(m.month()));
    } else if (p instanceof Quarter q) {
      emit(out, node, RDF_TYPE, QUARTER);
      emit(out, node, YEAR_NUMBER, IssueMapper.integer(q.year()));
      emit(out, node, QUARTER_NUMBER, IssueMapper.integer(q.quarter()));
    } else if (p instanceof Year y) {
      emit(out, node, RDF_TYPE, YEAR);
      emit(out, node, YEAR_NUMBER, IssueMapper.integer(y.year()));
    }
    Period next = neighbour(p::next);
    if (next != null) {
      emit(out, node, TIME_INTERVAL_MEETS, node(next));
    }
    Period previous = neighbour(p::previous);
    if (previous != null) {
      emit(out, node, TIME_INTERVAL_MET_BY, node(previous));
    }
    return node;
  }

  /** A neighbouring period, or null at the edge of the calendar's years (1900..2999). */
  private static Period neighbour(java.util.function.Supplier<Period> step) {
    try {
      return step.get();
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      return null;
    }
  }

  private Node node(Period p) {
    return iris.period(p.key());
  }

  private static void emit(StreamRDF out, Node s, Node p, Node o) {
    out.triple(Triple.create(s, p, o));
  }
}
