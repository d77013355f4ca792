package dev.plimsoll.report.html.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium (Debian's {@code chromium} and {@code chromium-driver}), driven by Selenium,
 * with a fresh profile and nothing that talks to the network by itself. Pages are opened from
 * files, so nothing but the page is loaded, or (the live dashboard's) from a loopback address.
 * Public for the dashboard's tests, which take it from this module's test jar.
 */
public final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final Path profile;

  public Browser() throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException("the HTML report's tests need Chromium and its driver at "
          + CHROMIUM + " and " + CHROMEDRIVER + ": apt-get install -y chromium chromium-driver");
    }
    profile = Files.createTempDirectory("plimsoll-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1400,3400", "--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
  }

  /** Opens {@code page} and waits (bounded) until its script has drawn the charts. */
  public void open(Path page) {
    open(page.toUri().toString());
  }

  /** Opens the page at {@code url} and waits (bounded) until its script has drawn the charts. */
  public void open(String url) {
    driver.get(url);
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (driver.executeScript("return document.body.getAttribute('data-charts')") == null) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the report's charts were not drawn within 30 s; console: "
            + consoleEntries());
      }
      Thread.onSpinWait();
    }
  }

  public Object script(String script, Object... args) {
    return driver.executeScript(script, args);
  }

  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> scriptList(String script, Object... args) {
    return (List<Map<String, Object>>) driver.executeScript(script, args);
  }

  /** The console's messages since the last call, at every level. */
  public List<String> consoleEntries() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::toString).toList();
  }

  /** The console's warnings and errors since the last call. */
  public List<String> consoleProblems() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
        .map(LogEntry::toString).toList();
  }

  public void screenshot(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
  }

  ChromeDriver driver() {
    return driver;
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
