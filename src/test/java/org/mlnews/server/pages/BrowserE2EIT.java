package org.mlnews.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlnews.rdf.Iris;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A person's walk through the browser in a real headless Chromium (Debian's {@code chromium},
 * driven by {@code chromedriver} through Selenium): home → topic GAN → one of its papers → the
 * issue that featured it → its week → its quarter; then the planted issue, whose script must not
 * run. A screenshot of each page type is saved under {@code target/screenshots/} (and a few at
 * phone width) for a person to look at. Skipped when chromium or chromedriver is not installed.
 */
class BrowserE2EIT {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SHOTS = Path.of("target", "screenshots");

  @TempDir static Path dir;
  static BrowserFixture f;
  static WebDriver driver;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
    f = BrowserFixture.start(dir.resolve("server"), new Iris(Iris.DEFAULT_BASE));
    var options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=1200,900",
        "--user-data-dir=" + dir.resolve("chromium-profile"));
    var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (f != null) {
      f.close();
    }
  }

  static void shot(String name) throws IOException {
    // The whole page: the window is made as tall as the document, then put back.
    var js = (JavascriptExecutor) driver;
    Dimension before = driver.manage().window().getSize();
    long height = (Long) js.executeScript("return Math.max(document.body.scrollHeight, 600)");
    driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(height + 120, 6000)));
    File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(png.toPath(), SHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    driver.manage().window().setSize(before);
  }

  static String path() {
    String url = driver.getCurrentUrl();
    return url.substring(f.base.length() - 1);
  }

  static String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** Whether the browser is at a path starting with {@code prefix} within 20 s (a click may return before it navigates). */
  static boolean pathStartsWith(String prefix) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!path().startsWith(prefix) && System.nanoTime() < until) {
      Thread.sleep(100);
    }
    return path().startsWith(prefix);
  }

  /** The elements matching {@code css} once there are any, or none after 20 s. */
  static List<WebElement> waitFor(String css) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    List<WebElement> found = driver.findElements(By.cssSelector(css));
    while (found.isEmpty() && System.nanoTime() < until) {
      Thread.sleep(100);
      found = driver.findElements(By.cssSelector(css));
    }
    return found;
  }

  static void click(WebElement e) {
    // Scroll into view first: a headless window is small.
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
    e.click();
  }

  @Test
  void homeToTopicToPaperToIssueToWeekToQuarter() throws Exception {
    driver.get(f.base);
    assertTrue(driver.getTitle().contains("Akira's ML News"), driver.getTitle());
    assertTrue(text().contains("Latest issues"));
    assertTrue(text().contains("issues") && text().contains("papers"));
    shot("home");

    click(driver.findElement(By.cssSelector("a[href='/topic/GAN']")));
    assertEquals("/topic/GAN", path());
    assertTrue(driver.findElement(By.tagName("h1")).getText().contains("generative adversarial network"));
    assertTrue(text().contains("生成对抗网络"), "the Chinese label");
    assertFalse(driver.findElements(By.cssSelector("figure.chart svg rect.bar")).isEmpty(), "the chart is drawn");
    assertTrue(text().contains("Q4 2020"), "papers grouped by quarter");
    shot("topic");

    // One of its papers: TinyGAN, an arXiv paper featured in week 41.
    WebElement paper = driver.findElements(By.cssSelector("ul.papers a")).stream()
        .filter(a -> a.getText().contains("TinyGAN")).findFirst().orElseThrow();
    click(paper);
    assertTrue(path().startsWith("/paper/arxiv/"), path());
    assertTrue(driver.findElement(By.tagName("h1")).getText().contains("TinyGAN"));
    assertTrue(text().contains("arXiv"), "identifiers");
    assertFalse(driver.findElements(By.cssSelector("a[href^='https://arxiv.org/abs/']")).isEmpty(), "links out");
    shot("paper");

    click(driver.findElement(By.cssSelector("ul.featured a[href^='/issue/']")));
    assertEquals("/issue/" + BrowserFixture.W41, path());
    assertTrue(driver.findElement(By.tagName("h1")).getText().contains("2020 年第 41 周"));
    assertTrue(text().contains("TinyGAN"), "the paper's entry is on the issue page");
    assertTrue(driver.findElements(By.cssSelector("article.entry")).size() >= 10, "entries");
    assertTrue(text().contains("机器学习论文"), "sections");
    shot("issue");

    click(driver.findElement(By.cssSelector("dl.facts a[href='/time/week/2020-W41']")));
    assertEquals("/time/week/2020-W41", path());
    assertTrue(driver.findElement(By.tagName("h1")).getText().contains("Week 41, 2020"));
    assertTrue(text().contains("2020-10-04"), "its dates");
    assertFalse(driver.findElements(By.cssSelector("a[href='/time/week/2020-W42']")).isEmpty(), "next week");
    shot("week");

    click(driver.findElement(By.cssSelector("p.meta a[href='/time/quarter/2020-Q4']")));
    assertEquals("/time/quarter/2020-Q4", path());
    assertTrue(driver.findElement(By.tagName("h1")).getText().contains("Q4 2020"));
    for (String slug : List.of(BrowserFixture.W41, BrowserFixture.W48)) {
      assertFalse(driver.findElements(By.cssSelector("ol.issues a[href='/issue/" + slug + "']")).isEmpty(), slug);
    }
    shot("quarter");
  }

  @Test
  void aScriptPlantedInAnIssueDoesNotRun() throws Exception {
    driver.get(f.base + "issue/" + BrowserFixture.PLANTED);
    String body = text();
    assertTrue(body.contains("<script>window.__pwned=1</script>"), "the headline's text is shown as text");
    assertTrue(body.contains("<img src=x onerror="), "so is the img tag");
    assertTrue(body.contains("<script>window.__pwned=4</script>"), "and the summary's");
    Object pwned = ((JavascriptExecutor) driver).executeScript("return window.__pwned");
    assertNull(pwned, "window.__pwned must stay undefined");
    assertTrue(driver.findElements(By.cssSelector("main img")).isEmpty(), "no img element from the data");
    shot("planted-issue");
    // The search results show the same text, inert.
    driver.get(f.base + "search?q=" + java.net.URLEncoder.encode("甘的攻击", java.nio.charset.StandardCharsets.UTF_8));
    assertNull(((JavascriptExecutor) driver).executeScript("return window.__pwned"));
    assertTrue(text().contains("<script>window.__pwned=1</script>"), text());
  }

  @Test
  void otherPageTypes() throws Exception {
    for (String[] p : new String[][] {{"search?q=GAN", "search"}, {"search?q=%E7%94%9F%E6%88%90", "search-zh"},
        {"time/month/2020-11", "month"}, {"time/year/2020", "year"}, {"ontology", "ontology"},
        {"topic/", "topic-scheme"}, {"issue/" + BrowserFixture.W41 + "/entry/openreview-PxTIG12RRHS", "entry"}}) {
      driver.get(f.base + p[0]);
      assertFalse(driver.findElement(By.tagName("h1")).getText().isBlank(), p[0]);
      shot(p[1]);
    }
    // The search finds the entry headlined 甘作随机微分方程 for a one-character query.
    driver.get(f.base + "search?q=%E7%94%98");
    assertTrue(text().contains("甘作随机微分方程"), text());
  }

  @Test
  void readableOnAPhone() throws Exception {
    Dimension before = driver.manage().window().getSize();
    driver.manage().window().setSize(new Dimension(390, 844));
    try {
      for (String[] p : new String[][] {{"", "phone-home"}, {"issue/" + BrowserFixture.W41, "phone-issue"},
          {"topic/GAN", "phone-topic"}}) {
        driver.get(f.base + p[0]);
        long scrollWidth = (Long) ((JavascriptExecutor) driver).executeScript(
            "return document.documentElement.scrollWidth");
        long clientWidth = (Long) ((JavascriptExecutor) driver).executeScript(
            "return document.documentElement.clientWidth");
        assertTrue(scrollWidth <= clientWidth + 1, p[0] + ": no sideways scrolling (" + scrollWidth + " > "
            + clientWidth + ")");
        shot(p[1]);
      }
    } finally {
      driver.manage().window().setSize(before);
    }
  }

  @Test
  void aNamedQueryIsAskedThroughItsFormAndAnsweredWithLinks() throws Exception {
    driver.get(f.base + "queries");
    click(driver.findElement(By.cssSelector("a[href='/queries/papers-by-topic']")));
    assertEquals("/queries/papers-by-topic", path());
    WebElement topic = driver.findElement(By.id("param-topic"));
    topic.sendKeys("甘"); // GAN as the translation writes it: a label is as good as the key
    driver.findElement(By.id("param-year")).sendKeys("2020");
    click(driver.findElement(By.cssSelector("form.params button[type=submit]")));
    // The submission navigates after the click returns: wait for the answer's table.
    assertTrue(pathStartsWith("/queries/papers-by-topic?topic="), path());
    List<WebElement> papers = waitFor("table.results td a[href^='/paper/']");
    assertFalse(papers.isEmpty(), "papers, linked to their pages: " + text());
    shot("named-query");
    click(papers.get(0));
    assertTrue(pathStartsWith("/paper/"), path());
  }

  @Test
  void theQueryEditorRuns() throws Exception {
    driver.get(f.base + "ui/#/dataset/mlnews/query");
    // The UI's scripts ran (nothing of it shows without them): its SPARQL editor is drawn.
    assertFalse(waitFor(".yasqe .CodeMirror").isEmpty(), "the editor is drawn");
    shot("query-editor");
  }
}
