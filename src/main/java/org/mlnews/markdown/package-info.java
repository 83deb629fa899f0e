/**
 * Reads newsletter issues written in Markdown (the Chinese translation or the English original)
 * into {@link org.mlnews.issue.Issue} records.
 *
 * <pre>{@code
 * IssueReader reader = IssueReader.create();          // once; thread-safe
 * Issue issue = reader.read(Path.of("data/akiras-ml-news-week41-2020-ff1938c74adf.md"));
 * }</pre>
 *
 * <p>{@link org.mlnews.markdown.IssueReader} is the entry point; {@link org.mlnews.markdown.Links}
 * and {@link org.mlnews.markdown.Identifiers} normalise links and extract paper identifiers;
 * {@link org.mlnews.markdown.IssueFacts} reads weeks, months, issue numbers and dates.
 */
package org.mlnews.markdown;
