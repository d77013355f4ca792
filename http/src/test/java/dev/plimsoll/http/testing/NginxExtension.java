package dev.plimsoll.http.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real nginx for a whole test class: started before its first test, in a temporary folder of its
 * own, and stopped (its folder deleted) after the last, even when a test or the start fails. The
 * class is skipped, saying why, when nginx is not installed. Register it on a static field, so that
 * JUnit calls it once per class:
 *
 * <pre>{@code
 * @RegisterExtension static final NginxExtension nginx = NginxExtension.shop();
 * ...
 * long before = nginx.requests(0);
 * ... nginx.url(0, "/orders/1") ...
 * }</pre>
 *
 * <p>It answers {@link #url}, {@link #port} and {@link #requests} as {@link Nginx} does, so a test
 * reads the same whether it started nginx itself or had it started.
 */
public final class NginxExtension implements BeforeAllCallback, AfterAllCallback {
  private final Function<Path, Nginx> starter;
  private Nginx nginx;
  private Path dir;
  /** The class that started it: a nested class's callbacks must neither start a second one nor stop this one. */
  private String startedBy;

  private NginxExtension(Function<Path, Nginx> starter) {
    this.starter = starter;
  }

  /** The nginx that answers examples/scenarios/shop.yaml ({@link ShopNginx}), on one port. */
  public static NginxExtension shop() {
    return startedBy(ShopNginx::start);
  }

  /** An nginx that {@code starter} starts in the folder it is given, e.g. {@code dir -> Nginx.start(dir, 2, ...)}. */
  public static NginxExtension startedBy(Function<Path, Nginx> starter) {
    return new NginxExtension(starter);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    if (startedBy != null) {
      return;
    }
    Nginx.assumeInstalled();
    startedBy = context.getUniqueId();
    dir = Files.createTempDirectory("plimsoll-nginx-");
    nginx = starter.apply(dir);
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (!context.getUniqueId().equals(startedBy)) {
      return;
    }
    try {
      if (nginx != null) {
        nginx.close();
      }
    } finally {
      deleteTree(dir);
      nginx = null;
      dir = null;
      startedBy = null;
    }
  }

  public String url(int portIndex, String path) {
    return running().url(portIndex, path);
  }

  public int port(int portIndex) {
    return running().port(portIndex);
  }

  /** nginx's own count of requests on that port (stub_status), the request that reads it included. */
  public long requests(int portIndex) {
    return running().requests(portIndex);
  }

  /** The server itself, for what this class does not pass on (e.g. {@link Nginx#activeConnections}). */
  public Nginx running() {
    if (nginx == null) {
      // The usual cause: an instance field, for which JUnit never calls beforeAll.
      throw new IllegalStateException("nginx is not running: register NginxExtension on a static field"
          + " (@RegisterExtension static final) and use it from the tests of that class");
    }
    return nginx;
  }

  private static void deleteTree(Path root) throws IOException {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      // Deepest first, so each folder is empty when it is deleted.
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
