package org.mlnews.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import org.mlnews.issue.WeekRef;
import org.mlnews.time.NewsletterCalendar;
import org.mlnews.time.Week;

/**
 * Writes a synthetic corpus in the newsletter's Markdown layout (the 2020 weekly layout, in the
 * Chinese translation and in the English original): numbered sections, entries with headlines,
 * paper titles and identifiers, summaries with topic words, link cards, images, an editor's-picks
 * block and navigation to the neighbouring weeks. Weeks run forward from {@code start}, one issue
 * a week (several newsletters side by side on request). Papers get new arXiv or OpenReview identifiers of their week's month, and some
 * papers come back in later issues.
 *
 * <p>Deterministic: the same options give byte-identical files. Immutable and thread-safe; each
 * call to {@link #generate} has its own random source.
 *
 * <pre>{@code
 * var plan = Generator.builder().issues(1000).seed(42).build().generate(Path.of("/tmp/corpus"));
 * plan.issues().size();          // 1000
 * plan.issues().get(0).slug();   // akiras-ml-news-week37-2020-...
 * }</pre>
 */
public final class Generator {
  private final int issues;
  private final long seed;
  private final WeekRef start;
  private final int perWeek;
  private final double englishShare;
  private final double repeatShare;

  private Generator(Builder b) {
    this.issues = b.issues;
    this.seed = b.seed;
    this.start = b.start;
    this.perWeek = b.perWeek;
    this.englishShare = b.englishShare;
    this.repeatShare = b.repeatShare;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Options of a generator; each setter checks its value at once. */
  public static final class Builder {
    private int issues = 100;
    private long seed = 1;
    private WeekRef start = new WeekRef(2020, 37);
    private int perWeek = 1;
    private double englishShare = 0.3;
    private double repeatShare = 0.15;

    private Builder() {}

    /** How many issues to write, at least 1. */
    public Builder issues(int n) {
      if (n < 1 || n > 10_000_000) {
        throw new IllegalArgumentException("Illegal issues=" + n + " : must be 1..10000000");
      }
      this.issues = n;
      return this;
    }

    public Builder seed(long s) {
      this.seed = s;
      return this;
    }

    /** The week of the first issues. */
    public Builder start(WeekRef w) {
      this.start = Objects.requireNonNull(w, "start");
      return this;
    }

    /**
     * Newsletters running side by side, one issue each per week (default 1). The build warns
     * {@code duplicate-week} on issues that claim the same week, so more than one gives every
     * issue such a warning: the data model has one issue per week.
     */
    public Builder perWeek(int n) {
      if (n < 1 || n > 1000) {
        throw new IllegalArgumentException("Illegal per-week=" + n + " : must be 1..1000");
      }
      this.perWeek = n;
      return this;
    }

    /** The share of issues written in English (the rest in Chinese), 0..1. */
    public Builder englishShare(double share) {
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException("Illegal english share=" + share + " : must be 0..1");
      }
      this.englishShare = share;
      return this;
    }

    /** The share of paper entries that feature a paper an earlier issue already featured, 0..1. */
    public Builder repeatShare(double share) {
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException("Illegal repeat share=" + share + " : must be 0..1");
      }
      this.repeatShare = share;
      return this;
    }

    public Generator build() {
      return new Generator(this);
    }
  }

  /**
   * What one generated issue holds, so a test can compare the parser's reading with it.
   *
   * @param paperIds the identifiers of the papers it features, {@code arxiv:2010.00554} or
   *                 {@code openreview:PxTIG12RRHS}, in order, no duplicates
   * @param repeated how many of those papers an earlier issue featured already
   */
  public record GeneratedIssue(String slug, Path file, String language, WeekRef week, int sections,
      int entries, int paperEntries, List<String> paperIds, int repeated, int topicMentions) {}

  /** What {@link #generate} wrote. */
  public record Corpus(Path dir, List<GeneratedIssue> issues, int newsletters, long bytes) {
    /** Distinct papers across the corpus. */
    public long distinctPapers() {
      return issues.stream().flatMap(i -> i.paperIds().stream()).distinct().count();
    }
  }

  /** Writes the issues into {@code dir} (created if needed) and says what it wrote. */
  public Corpus generate(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
    var rnd = new SplittableRandom(seed);
    // Plan first: slugs of every issue, so navigation can link to the next week's issue.
    int weeks = (issues + perWeek - 1) / perWeek;
    var weekList = new ArrayList<Week>();
    Week w = NewsletterCalendar.week(start);
    for (int i = 0; i < weeks; i++) {
      weekList.add(w);
      w = w.next();
    }
    var planned = new ArrayList<Planned>();
    for (int i = 0; i < issues; i++) {
      int wi = i / perWeek;
      int letter = i % perWeek;
      Week week = weekList.get(wi);
      String lang = rnd.nextDouble() < englishShare ? "en" : "zh";
      String hex = hex(rnd, 12);
      String slug = prefix(letter) + "-week" + week.number() + "-" + week.year() + "-" + hex;
      planned.add(new Planned(i, letter, week, lang, slug));
    }
    var papers = new PaperPool();
    var result = new ArrayList<GeneratedIssue>();
    long bytes = 0;
    for (Planned p : planned) {
      Planned prev = p.index >= perWeek ? planned.get(p.index - perWeek) : null;
      Planned next = p.index + perWeek < planned.size() ? planned.get(p.index + perWeek) : null;
      var writer = new IssueWriter(rnd.split(), p, prev, next, papers);
      String text = writer.write();
      Path file = dir.resolve(p.slug + ".md");
      byte[] data = text.getBytes(StandardCharsets.UTF_8);
      try {
        Files.write(file, data);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file, e);
      }
      bytes += data.length;
      result.add(new GeneratedIssue(p.slug, file, p.lang, p.week.ref(), 4, writer.entries,
          writer.paperEntries, List.copyOf(writer.paperIds), writer.repeated, writer.topicMentions));
    }
    return new Corpus(dir, List.copyOf(result), perWeek, bytes);
  }

  private static String prefix(int letter) {
    if (letter == 0) {
      return "akiras-ml-news";
    }
    int k = letter - 1;
    String name = Vocabulary.NEWSLETTERS.get(k % Vocabulary.NEWSLETTERS.size())
        .toLowerCase(Locale.ROOT).replace(' ', '-');
    int round = k / Vocabulary.NEWSLETTERS.size();
    return round == 0 ? name : name + "-" + (round + 1);
  }

  private static String newsletterName(int letter) {
    if (letter == 0) {
      return "Akira's ML News";
    }
    int k = letter - 1;
    String name = Vocabulary.NEWSLETTERS.get(k % Vocabulary.NEWSLETTERS.size());
    int round = k / Vocabulary.NEWSLETTERS.size();
    return round == 0 ? name : name + " " + (round + 1);
  }

  static String hex(SplittableRandom rnd, int n) {
    var sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(Character.forDigit(rnd.nextInt(16), 16));
    }
    return sb.toString();
  }

  private record Planned(int index, int letter, Week week, String lang, String slug) {}

  /** A paper that has been featured, so later issues can feature it again. */
  private record Paper(String scheme, String id, String titleEn, String titleZh) {
    String key() {
      return scheme + ":" + id;
    }

    String url() {
      return scheme.equals("arxiv") ? "https://arxiv.org/abs/" + id : "https://openreview.net/forum?id=" + id;
    }
  }

  /** Every paper featured so far, and the serial numbers of new arXiv identifiers per month. */
  private static final class PaperPool {
    final List<Paper> all = new ArrayList<>();
    final java.util.Map<String, Integer> serial = new java.util.HashMap<>();

    String nextArxiv(Week week, SplittableRandom rnd) {
      String yymm = String.format(Locale.ROOT, "%02d%02d", week.start().getYear() % 100,
          week.start().getMonthValue());
      int n = serial.merge(yymm, 1 + rnd.nextInt(40), Integer::sum);
      return yymm + "." + String.format(Locale.ROOT, "%05d", n % 100_000);
    }
  }

  /** Writes one issue; per-issue state, used once. */
  private final class IssueWriter {
    private final SplittableRandom rnd;
    private final Planned p;
    private final Planned prev;
    private final Planned next;
    private final PaperPool pool;
    private final boolean zh;
    private final StringBuilder out = new StringBuilder(8192);
    int entries;
    int paperEntries;
    int repeated;
    int topicMentions;
    final LinkedHashSet<String> paperIds = new LinkedHashSet<>();
    /** URLs of entries, for the editor's picks. */
    private final List<String[]> pickable = new ArrayList<>();

    IssueWriter(SplittableRandom rnd, Planned p, Planned prev, Planned next, PaperPool pool) {
      this.rnd = rnd;
      this.p = p;
      this.prev = prev;
      this.next = next;
      this.pool = pool;
      this.zh = p.lang.equals("zh");
    }

    String write() {
      Week week = p.week;
      int y = week.year();
      int n = week.number();
      String md = zh ? week.start().getMonthValue() + " 月 " + week.start().getDayOfMonth() + " 日~"
          : week.start().getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH)
              + " " + week.start().getDayOfMonth() + "~";
      String name = newsletterName(p.letter);
      if (zh) {
        line(p.letter == 0 ? "# " + y + " 年第 " + n + " 周" : "# " + name + "—" + y + " 年第 " + n + " 周");
      } else {
        line("# " + name + " #Week " + n + ", " + y);
      }
      blank();
      line((zh ? "> 原文：<" : "> Original: <") + "https://medium.com/analytics-vidhya/" + p.slug
          + "?source=collection_archive---------" + (10 + rnd.nextInt(20)) + "----------------------->");
      blank();
      line(zh ? "下面是我在 " + y + " 年第 " + n + " 周(" + md + ")读到的一些我觉得特别有意思的论文和文章。"
              + "我已经尽量介绍最近的了，但是论文提交的日期可能和星期不一样。"
          : "Here are some papers and articles that I found particularly interesting I read in week "
              + n + " of " + y + " (" + md + "). I've tried to introduce the most recent ones as much as "
              + "possible, but the date of the paper submission may not be the same as the week.");
      blank();
      String[] titles = zh ? new String[] {"机器学习论文", "技术文章", "机器学习用例的例子", "其他主题"}
          : new String[] {"Machine Learning Papers", "Technical Articles",
              "Examples of Machine Learning use cases", "Other Topics"};
      for (int i = 0; i < titles.length; i++) {
        line((i + 1) + ".  " + titles[i]);
      }
      blank();
      // Sections are written first into their own buffer: the picks before them link to entries.
      var body = new StringBuilder();
      var saved = out.toString();
      out.setLength(0);
      int[] counts = {4 + rnd.nextInt(7), 1 + rnd.nextInt(4), 1 + rnd.nextInt(3), 1 + rnd.nextInt(3)};
      for (int s = 0; s < 4; s++) {
        separatorRow();
        blank();
        line(zh ? "# " + (s + 1) + "." + titles[s] : "# " + (s + 1) + ". " + titles[s]);
        blank();
        line(s == 0 ? "— —" : "— — — —");
        blank();
        for (int e = 0; e < counts[s]; e++) {
          if (s == 0) {
            paperEntry();
          } else {
            articleEntry(s);
          }
        }
      }
      separatorRow();
      blank();
      line(zh ? "# 推特，我贴一句纸评论。" : "# Twitter, I post one-sentence paper commentary.");
      blank();
      line("[https://twitter.com/AkiraTOSEI](https://twitter.com/AkiraTOSEI)");
      body.append(out);
      out.setLength(0);
      out.append(saved);

      if (rnd.nextInt(2) == 0 && pickable.size() >= 2) {
        line(zh ? "# —每周编辑精选" : "# — Weekly Editor's pick");
        blank();
        int picks = 2 + rnd.nextInt(2);
        var chosen = new LinkedHashSet<Integer>();
        for (int i = 0; i < picks; i++) {
          chosen.add(rnd.nextInt(pickable.size()));
        }
        for (int i : chosen) {
          line("*   [" + pickable.get(i)[0] + "](" + pickable.get(i)[1] + ")");
        }
        blank();
      }
      line(zh ? "# —过去的文章" : "# — Past Articles");
      blank();
      var nav = new StringBuilder();
      if (prev != null) {
        nav.append("[").append(weekLabel(prev.week)).append("](/analytics-vidhya/").append(prev.slug).append(") ");
      }
      nav.append(zh ? "⇦第 " + n + " 周(本帖)⇨" : "⇦ Week " + n + " (this post) ⇨");
      if (next != null) {
        nav.append(" [").append(weekLabel(next.week)).append("](/analytics-vidhya/").append(next.slug).append(")");
      }
      line(nav.toString());
      blank();
      out.append(body);
      return out.toString();
    }

    private String weekLabel(Week w) {
      return zh ? "第 " + w.number() + " 周" : "Week " + w.number();
    }

    private void paperEntry() {
      entries++;
      paperEntries++;
      Vocabulary.TopicWord topic = topic();
      Paper paper;
      boolean again = !pool.all.isEmpty() && rnd.nextDouble() < repeatShare;
      if (again) {
        paper = pool.all.get(rnd.nextInt(pool.all.size()));
        if (paperIds.contains(paper.key())) {
          again = false;
          paper = newPaper(topic);
        }
      } else {
        paper = newPaper(topic);
      }
      if (again) {
        repeated++;
      }
      paperIds.add(paper.key());
      String headline = headline(topic);
      line("# " + headline);
      blank();
      String title = zh ? paper.titleZh : paper.titleEn;
      String url = paper.url();
      // Both ways the translation writes a title and its link: on one line, or on two.
      if (rnd.nextInt(3) == 0) {
        line("*" + title + "*[" + url + "](" + url + ")");
      } else {
        line("*" + title + "*");
        line("[" + url + "](" + url + ")");
      }
      blank();
      line(summary(topic, 2 + rnd.nextInt(3)));
      blank();
      line("![](img/" + hex(rnd, 32) + ".png)");
      blank();
      pickable.add(new String[] {headline, url});
    }

    private Paper newPaper(Vocabulary.TopicWord t) {
      String en = pick(Vocabulary.TITLE_VERBS_EN) + " " + pick(Vocabulary.TITLE_OBJECTS_EN) + " with "
          + t.en() + " " + pick(Vocabulary.TITLE_TAILS_EN);
      String zhTitle = "用" + zhWord(t.zh()) + pick(Vocabulary.TITLE_VERBS_ZH) + pick(Vocabulary.TITLE_OBJECTS_ZH);
      Paper paper = rnd.nextInt(100) < 85
          ? new Paper("arxiv", pool.nextArxiv(p.week, rnd), en, zhTitle)
          : new Paper("openreview", openReviewId(), en, zhTitle);
      pool.all.add(paper);
      return paper;
    }

    private String openReviewId() {
      String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
      var sb = new StringBuilder();
      for (int i = 0; i < 11; i++) {
        sb.append(chars.charAt(rnd.nextInt(chars.length())));
      }
      return sb.toString();
    }

    private void articleEntry(int section) {
      entries++;
      Vocabulary.TopicWord topic = topic();
      String headline = headline(topic);
      line("# " + headline);
      blank();
      line(summary(topic, 1 + rnd.nextInt(3)));
      blank();
      // Most articles end with a link card; some "other topics" link nowhere.
      if (section == 3 && rnd.nextInt(4) == 0) {
        return;
      }
      String site = pick(Vocabulary.SITES);
      String url = "https://" + site + "/" + (2020 + rnd.nextInt(2)) + "/" + hex(rnd, 8) + "-"
          + topic.en().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
      line("[](" + url + ") [## " + (zh ? "关于" + zhWord(topic.zh()) + "的新进展" : "New progress on " + topic.en()));
      blank();
      line(zh ? "### " + summary(topic, 1).replace("。", "") + "…" : "### " + summary(topic, 1).replace(".", "") + "…");
      blank();
      line(site + "](" + url + ") ");
      blank();
      pickable.add(new String[] {headline, url});
    }

    private Vocabulary.TopicWord topic() {
      int total = 0;
      for (var t : Vocabulary.TOPICS) {
        total += t.weight();
      }
      int r = rnd.nextInt(total);
      for (var t : Vocabulary.TOPICS) {
        r -= t.weight();
        if (r < 0) {
          return t;
        }
      }
      throw new AssertionError();
    }

    private String headline(Vocabulary.TopicWord topic) {
      topicMentions++;
      return zh ? String.format(pick(Vocabulary.HEADLINES_ZH), zhWord(topic.zh())).strip()
          : capitalize(String.format(pick(Vocabulary.HEADLINES_EN), topic.en()));
    }

    private String summary(Vocabulary.TopicWord topic, int sentences) {
      var sb = new StringBuilder();
      List<String> templates = zh ? Vocabulary.SUMMARY_ZH : Vocabulary.SUMMARY_EN;
      for (int i = 0; i < sentences; i++) {
        String t = pick(templates);
        String word = zh ? zhWord(topic.zh()) : topic.en();
        if (!zh && sb.length() > 0) {
          sb.append(' ');
        }
        sb.append(t.contains("%s") ? String.format(t, word) : t);
      }
      return sb.toString().replace("  ", " ").strip();
    }

    /** A Latin word inside Chinese text is set off by spaces, as the translation writes it. */
    private String zhWord(String w) {
      char c = w.charAt(0);
      return c < 0x2E80 ? " " + w + " " : w;
    }

    private String capitalize(String s) {
      return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private String pick(List<String> list) {
      return list.get(rnd.nextInt(list.size()));
    }

    private void separatorRow() {
      line("— — — — — — — — — — — — — — — — — — — — — — — — — — — — — —");
    }

    private void line(String s) {
      out.append(s).append('\n');
    }

    private void blank() {
      out.append('\n');
    }
  }
}
