package org.mlnews.topics;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

/**
 * Assigns topic keys to texts by finding mentions of the topics' labels. Obtain one from
 * {@link TopicScheme#tagger()}; it is immutable and thread-safe.
 *
 * <pre>{@code
 * TopicTagger tagger = TopicScheme.load(Path.of("ontology/topics.ttl")).tagger();
 * tagger.tag(entry.heading(), entry.title(), entry.summary());   // e.g. [BigGAN, KnowledgeDistillation]
 * tagger.tag("Morgan organised an organ concert");               // []
 * }</pre>
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>Text is NFKC-normalised (full-width Latin becomes ASCII) and URLs, Markdown link targets
 *       and image paths are removed first: their slugs are not prose and would tag the same words
 *       twice, or tag words ("gans-compression") that the entry never says.</li>
 *   <li>A label without Chinese characters is matched case-insensitively as a whole Latin word: no
 *       Latin letter or digit may touch it, so {@code GAN} is not found in "organ" or "Morgan". A
 *       plural ({@code GANs}, {@code VAES}) or a version ({@code StyleGAN2}, {@code YOLOv4},
 *       {@code NeurIPS2020}) may follow. Spaces and hyphens inside it are optional and
 *       interchangeable ({@code GPT-3} = {@code GPT 3} = {@code GPT3}).</li>
 *   <li>A label with Chinese characters can start anywhere, because Chinese has no spaces; spaces
 *       are optional inside it ({@code 胸部 X 线}). To keep short labels such as {@code 甘} (GAN)
 *       from firing inside ordinary words (甘肃, 甘心), the concept lists those words as
 *       {@code ml:hiddenExclusion}; a match inside one is ignored.</li>
 *   <li>An {@code ml:suffixLabel} also matches case-sensitively at the end of a longer Latin token:
 *       {@code GAN} in ExGAN or TinyGAN, variants that have no concept of their own.</li>
 *   <li>Overlapping matches are resolved longest first: "风格甘" is StyleGAN and "BigGAN" is BigGAN,
 *       neither is also GAN. The broader concept is tagged only if it is mentioned on its own
 *       elsewhere; the tagger never adds broader concepts by inference (queries widen with
 *       {@link TopicScheme#narrowerOrSelf} instead).</li>
 * </ul>
 */
public final class TopicTagger {
  private static final String LATIN = "[\\p{IsLatin}\\p{Nd}]";
  private static final String NOT_BEFORE = "(?<!" + LATIN + ")";
  private static final String NOT_AFTER = "(?!" + LATIN + ")";
  /** Plural or version after a Latin label ending in a letter: GANs, VAEs, YOLOv4, ACL2020. */
  private static final String INFLECTION = "(?:e?s|-?v?\\d+(?:\\.\\d+)*)?";
  private static final Pattern NOISE = Pattern.compile(
      "\\]\\([^)\\s]*\\)"                 // Markdown link target: [text](url) -> [text]
      + "|https?://[!-~&&[^)\\]>]]+"        // bare URLs (ASCII only: Chinese may follow directly)
      + "|img/\\S+");                      // image paths

  /** Labels, suffix labels and exclusions of one concept, as read from the scheme. */
  record Rules(List<String> labels, List<String> suffixLabels, List<String> exclusions) {}

  /**
   * A label's regex, and a piece of text every match contains ({@code required}, in lower case
   * when {@code lowerCase}), or null: a cheap {@code contains} skips the regex for most texts.
   */
  private record LabelPattern(String key, Pattern pattern, String required, boolean lowerCase) {}

  /** A mention found in a text: which topic, where (in the normalised text) and what was read. */
  public record Match(String key, int start, int end, String text) {}

  private final List<LabelPattern> patterns;
  private final Map<String, List<Pattern>> exclusions;
  /**
   * Which patterns can match where, so that a text runs only the regexes of the labels it may
   * mention (a handful of the hundreds): a label starting with a Latin letter or digit can only
   * match at the start of a Latin token, and the token then starts with its required piece; a
   * label starting with a Chinese character needs that character somewhere.
   */
  private final PrefixTrie byTokenPrefix;
  private final Map<Integer, int[]> byHanCharacter;
  /** Patterns with no piece to look up (suffix labels, odd labels): tried on every text. */
  private final int[] always;
  /**
   * Each thread's matchers of the indexed patterns, by pattern id, reset for every text: making a
   * matcher cost more than trying it, and a text's candidates are mostly patterns that fail at once.
   */
  private final ThreadLocal<Matcher[]> matchers;

  TopicTagger(Map<String, Rules> rulesByKey) {
    var ps = new ArrayList<LabelPattern>();
    var ex = new TreeMap<String, List<Pattern>>();
    new TreeMap<>(rulesByKey).forEach((key, rules) -> {
      for (String label : rules.labels()) {
        Pattern p = labelPattern(label);
        if (p != null) {
          ps.add(new LabelPattern(key, p, requiredLower(label), true));
        }
      }
      for (String label : rules.suffixLabels()) {
        ps.add(new LabelPattern(key, suffixPattern(label),
            Normalizer.normalize(label, Normalizer.Form.NFKC).strip(), false));
      }
      var exPatterns = new ArrayList<Pattern>();
      for (String e : rules.exclusions()) {
        Pattern p = labelPattern(e);
        if (p != null) {
          exPatterns.add(p);
        }
      }
      if (!exPatterns.isEmpty()) {
        ex.put(key, List.copyOf(exPatterns));
      }
    });
    this.patterns = List.copyOf(ps);
    this.exclusions = Map.copyOf(ex);
    var prefixes = new HashMap<String, List<Integer>>();
    var han = new HashMap<Integer, List<Integer>>();
    var rest = new ArrayList<Integer>();
    for (int i = 0; i < ps.size(); i++) {
      LabelPattern lp = ps.get(i);
      if (lp.required() == null || !lp.lowerCase()) {
        rest.add(i);
      } else if (isHan(lp.required().codePointAt(0))) {
        han.computeIfAbsent(lp.required().codePointAt(0), k -> new ArrayList<>()).add(i);
      } else {
        prefixes.computeIfAbsent(lp.required(), k -> new ArrayList<>()).add(i);
      }
    }
    this.byTokenPrefix = PrefixTrie.of(indexes(prefixes));
    this.byHanCharacter = indexes(han);
    this.always = rest.stream().mapToInt(Integer::intValue).toArray();
    this.matchers = ThreadLocal.withInitial(() -> new Matcher[ps.size()]);
  }

  private static <K> Map<K, int[]> indexes(Map<K, List<Integer>> lists) {
    var out = new HashMap<K, int[]>();
    lists.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    return Map.copyOf(out);
  }

  /**
   * Where indexed patterns may match in {@code s} ({@code lower} is its fold): pairs of pattern
   * id (high half) and start offset (low half), sorted, so grouped by pattern in text order. A
   * Latin label can only start a Latin token that starts with its required piece, a Chinese one
   * only at its first character.
   */
  private long[] starts(String s, String lower) {
    var at = LongStream.builder();
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (isLatin(cp)) {
        int end = i;
        while (end < s.length() && isLatin(s.codePointAt(end))) {
          end += Character.charCount(s.codePointAt(end));
        }
        // Every prefix of the token that some label requires, in one walk down the trie.
        PrefixTrie node = byTokenPrefix;
        for (int k = i; k < end && (node = node.next(lower.charAt(k))) != null; k++) {
          for (int id : node.ids) {
            at.add(((long) id << 32) | i);
          }
        }
        i = end;
      } else {
        if (isHan(cp)) {
          for (int id : byHanCharacter.getOrDefault(cp, NONE)) {
            at.add(((long) id << 32) | i);
          }
        }
        i += Character.charCount(cp);
      }
    }
    return at.build().sorted().toArray();
  }

  private static final int[] NONE = {};

  /**
   * The required pieces of Latin labels (ASCII letters and digits in lower case) as a trie, each
   * node holding the patterns whose piece ends there: a token is looked up once, character by
   * character, not once per prefix as a new string (which made this the tagger's costliest step).
   */
  private static final class PrefixTrie {
    private final PrefixTrie[] next = new PrefixTrie[128];
    private int[] ids = NONE;

    static PrefixTrie of(Map<String, int[]> idsByPiece) {
      var root = new PrefixTrie();
      idsByPiece.forEach((piece, ids) -> {
        PrefixTrie node = root;
        for (char c : piece.toCharArray()) {
          node = node.next[c] == null ? (node.next[c] = new PrefixTrie()) : node.next[c];
        }
        node.ids = ids;
      });
      return root;
    }

    /** The node one character further down, or null. */
    PrefixTrie next(char c) {
      return c < 128 ? next[c] : null;
    }
  }

  /**
   * The keys of the topics mentioned in any of the texts, sorted, without duplicates. Null texts
   * are skipped. Texts are tagged separately, so a mention never spans two of them.
   */
  public List<String> tag(String... texts) {
    var keys = new TreeSet<String>();
    if (texts != null) {
      for (String t : texts) {
        if (t != null) {
          matches(t).forEach(m -> keys.add(m.key()));
        }
      }
    }
    return List.copyOf(keys);
  }

  /**
   * The mentions the tagger accepts in one text, in text order: after exclusions and
   * longest-match-first overlap resolution. Offsets refer to {@link #normalize(String)} of it.
   * Useful to explain a tag.
   */
  public List<Match> matches(String text) {
    String s = normalize(text);
    var candidates = new ArrayList<Match>();
    // A topic's exclusions are only looked for once one of its labels matched.
    var excluded = new HashMap<String, List<int[]>>();
    String lower = fold(s);
    for (int i : always) {
      LabelPattern lp = patterns.get(i);
      if (!lp.lowerCase() && lp.required() != null && !s.contains(lp.required())) {
        continue;
      }
      Matcher m = lp.pattern().matcher(s);
      while (m.find()) {
        accept(lp.key(), m, s, candidates, excluded);
      }
    }
    // An indexed pattern is tried only where it may start, as find() would try it there: in text
    // order, from the end of its previous match. Transparent bounds let its look-behind see the
    // text before the start.
    Matcher m = null;
    Matcher[] reused = null;
    int pattern = -1;
    int from = 0;
    for (long at : starts(s, lower)) {
      int id = (int) (at >>> 32);
      int start = (int) at;
      if (id != pattern) {
        pattern = id;
        if (reused == null) {
          reused = matchers.get();
        }
        m = reused[id];
        if (m == null) {
          m = reused[id] = patterns.get(id).pattern().matcher(s).useTransparentBounds(true)
              .useAnchoringBounds(false);
        } else {
          m.reset(s); // keeps the bounds set above
        }
        from = 0;
      }
      if (start < from) {
        continue;
      }
      m.region(start, s.length());
      if (m.lookingAt()) {
        accept(patterns.get(id).key(), m, s, candidates, excluded);
        from = m.end() > start ? m.end() : start + 1;
      }
    }
    // Longest first, then leftmost, then key for determinism; keep those that overlap nothing kept.
    candidates.sort(Comparator.comparingInt((Match c) -> c.start() - c.end())
        .thenComparingInt(Match::start).thenComparing(Match::key));
    var kept = new ArrayList<Match>();
    for (Match c : candidates) {
      if (kept.stream().noneMatch(k -> c.start() < k.end() && k.start() < c.end())) {
        kept.add(c);
      }
    }
    kept.sort(Comparator.comparingInt(Match::start));
    return List.copyOf(kept);
  }

  /** Keeps a non-empty match unless one of its topic's exclusions covers it. */
  private void accept(String key, Matcher m, String s, List<Match> candidates,
      Map<String, List<int[]>> excluded) {
    if (m.end() > m.start()
        && !inside(m.start(), m.end(), excluded.computeIfAbsent(key, k -> exclusionSpans(k, s)))) {
      candidates.add(new Match(key, m.start(), m.end(), m.group()));
    }
  }

  /** Where the exclusions of topic {@code key} match in {@code s}. */
  private List<int[]> exclusionSpans(String key, String s) {
    var spans = new ArrayList<int[]>();
    for (Pattern p : exclusions.getOrDefault(key, List.of())) {
      Matcher m = p.matcher(s);
      while (m.find()) {
        spans.add(new int[] {m.start(), m.end()});
      }
    }
    return spans;
  }

  /** The text as matched: NFKC-normalised, with URLs, link targets and image paths blanked. */
  public static String normalize(String text) {
    String n = Normalizer.normalize(text, Normalizer.Form.NFKC);
    return NOISE.matcher(n).replaceAll(m -> m.group().startsWith("]") ? "] " : " ");
  }

  private static boolean inside(int start, int end, List<int[]> spans) {
    if (spans != null) {
      for (int[] sp : spans) {
        if (sp[0] <= start && end <= sp[1]) {
          return true;
        }
      }
    }
    return false;
  }

  /** Regex of an ordinary label, or null for a blank one. */
  static Pattern labelPattern(String rawLabel) {
    String label = Normalizer.normalize(rawLabel, Normalizer.Form.NFKC).strip();
    if (label.isEmpty()) {
      return null;
    }
    boolean han = label.codePoints().anyMatch(TopicTagger::isHan);
    var re = new StringBuilder();
    int first = label.codePointAt(0);
    int last = label.codePointBefore(label.length());
    if (isLatin(first)) {
      // The cheap test of the first character first: the look-behind's script lookups at every
      // position of every text made tagging the slowest step of a build.
      re.append("(?=").append(Pattern.quote(new String(Character.toChars(first)))).append(')');
      re.append(NOT_BEFORE);
    }
    int prev = -1;
    for (int i = 0; i < label.length(); ) {
      int cp = label.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || (!han && isHyphen(cp))) {
        // Separators inside a label are optional and interchangeable in the text.
        if (prev != -2) {
          re.append(han ? "\\s*" : "[\\s\\-‐–]?");
        }
        prev = -2;
        continue;
      }
      if (han && prev >= 0 && (isHan(prev) || isHan(cp))) {
        re.append("\\s*"); // "GPT 三号", "胸部 X 线": the translation spaces Latin from Chinese
      }
      re.append(Pattern.quote(new String(Character.toChars(cp))));
      prev = cp;
    }
    if (isLatin(last)) {
      if (!han && Character.isLetter(last)) {
        re.append(INFLECTION);
      }
      re.append(NOT_AFTER);
    }
    return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /**
   * What every match of an ordinary label contains, in lower case: its first word when that is
   * plain ASCII letters and digits (matching is case-insensitive, and ASCII lower-cases the same
   * in the regex and in {@code toLowerCase}), else its first character when that is Han; null
   * when no such piece is safe to require.
   */
  static String requiredLower(String rawLabel) {
    String label = Normalizer.normalize(rawLabel, Normalizer.Form.NFKC).strip();
    if (label.isEmpty()) {
      return null;
    }
    int first = label.codePointAt(0);
    if (isHan(first)) {
      return new String(Character.toChars(first));
    }
    int end = 0;
    while (end < label.length() && label.charAt(end) < 128 && Character.isLetterOrDigit(label.charAt(end))) {
      end++;
    }
    return end == 0 ? null : fold(label.substring(0, end));
  }

  /**
   * Lower case, character by character, as the case-insensitive regex compares: a character whose
   * upper case is ASCII (the dotless i, the long s) folds to that letter's lower case.
   */
  private static String fold(String s) {
    char[] cs = s.toCharArray();
    for (int i = 0; i < cs.length; i++) {
      char up = Character.toUpperCase(cs[i]);
      cs[i] = up < 128 ? Character.toLowerCase(up) : Character.toLowerCase(cs[i]);
    }
    return new String(cs);
  }


  /** Regex of a suffix label: the label, case-sensitive, ending a longer Latin token. */
  static Pattern suffixPattern(String rawLabel) {
    String label = Normalizer.normalize(rawLabel, Normalizer.Form.NFKC).strip();
    return Pattern.compile("(?=" + Pattern.quote(label.substring(0, label.offsetByCodePoints(0, 1))) + ")"
        + "(?<=" + LATIN + ")" + Pattern.quote(label) + INFLECTION + NOT_AFTER);
  }

  private static boolean isHan(int cp) {
    return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
  }

  private static boolean isLatin(int cp) {
    if (cp < 128) {
      return Character.isLetterOrDigit(cp);
    }
    return Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN || Character.isDigit(cp);
  }

  private static boolean isHyphen(int cp) {
    return cp == '-' || cp == '‐' || cp == '–';
  }
}
