package org.mlnews.publish;

import java.util.List;
import java.util.Map;

/**
 * What a publish did.
 *
 * @param target     the Graph Store endpoint, without any user information
 * @param auth       how it authenticated ("none", "basic (user editor)", "bearer"), never the secret
 * @param graphs     graphs of the store that are published (issues, ontology, topics)
 * @param sent       graphs sent with PUT, because they are new or changed since the last publish
 * @param deleted    graphs removed from the target, because they are gone from the store
 * @param unchanged  graphs skipped, because the target has them as they are
 * @param failed     graphs that could not be sent, with the reason; they are tried again next time
 * @param retries    requests that were repeated after a server or network error
 * @param bytes      bytes of the graphs sent
 * @param seconds    how long it took
 * @param dryRun     true when nothing was sent: {@code sent} and {@code deleted} say what would be
 */
public record PublishReport(String target, String auth, int graphs, List<String> sent, List<String> deleted,
    int unchanged, Map<String, String> failed, int retries, long bytes, double seconds, boolean dryRun) {

  public boolean ok() {
    return failed.isEmpty();
  }

  /** One line: "published 3 of 1234 graphs to URL (1 deleted, 1230 unchanged, 0 failed, 0 retries), 56 KiB in 0.4 s". */
  public String summary() {
    return (dryRun ? "would publish " : "published ") + sent.size() + " of " + graphs + " graphs to " + target
        + " (" + deleted.size() + " deleted, " + unchanged + " unchanged, " + failed.size() + " failed, "
        + retries + " retries), " + (bytes + 1023) / 1024 + " KiB in "
        + String.format(java.util.Locale.ROOT, "%.1f", seconds) + " s";
  }
}
