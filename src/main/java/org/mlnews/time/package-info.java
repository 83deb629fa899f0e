/**
 * The newsletter's calendar: weeks, months, quarters and years as immutable {@link
 * org.mlnews.time.Period} records, plus the date checks and the date inference that use them.
 * Pure {@code java.time}; no Jena here, so the rule can be tested on its own.
 *
 * <h2>The rule</h2>
 * <ul>
 *   <li><b>Weeks start on Sunday</b> and end on the following Saturday, because the newsletter
 *       dates each issue by its Sunday ("10 月 4 日~").
 *   <li><b>Week 1 of year Y</b> is the Sunday–Saturday week that contains 1 January of Y, so it
 *       starts on the last Sunday on or before 1 January and may start in December of Y-1
 *       (week 1 of 2021 is 2020-12-27..2021-01-02).
 *   <li><b>Week n of Y</b> starts {@code n-1} weeks after week 1 of Y. The weeks of Y are those
 *       from week 1 of Y up to, not including, week 1 of Y+1; so Y has 52 or 53 of them (53
 *       exactly when 1 January of Y+1 is a Sunday, because only then does week 1 of Y+1 start
 *       a full 53 weeks after week 1 of Y). The last week of Y contains 31 December of Y only
 *       when 1 January of Y+1 is a Sunday; otherwise 31 December lies in week 1 of Y+1.
 *   <li><b>A date's week</b> is the one whose Sunday–Saturday span contains it; its week-year is
 *       the year of the 1 January contained in week 1 of that run, i.e. the Y such that
 *       {@code week1(Y) <= date < week1(Y+1)}.
 *   <li><b>Primary containment ("during")</b>: a week is during the month, quarter and year that
 *       contain its <em>Sunday start</em>, even when its last days fall in the next one. Week 40
 *       of 2020 (2020-09-27..10-03) is during September 2020 and Q3 2020; week 1 of 2021 is
 *       during December 2020, Q4 2020 and the year 2020, while its week-year is 2021.
 *   <li><b>Overlap</b>: a week also overlaps every month, quarter and year it shares at least one
 *       day with, the primary ones included.
 * </ul>
 *
 * <pre>{@code
 * Week w = NewsletterCalendar.week(new WeekRef(2020, 40));   // 2020-09-27..2020-10-03
 * NewsletterCalendar.monthOf(w).key();                        // "2020-09"
 * NewsletterCalendar.overlaps(w);  // [2020-09, 2020-10, 2020-Q3, 2020-Q4, 2020]
 * }</pre>
 */
package org.mlnews.time;
