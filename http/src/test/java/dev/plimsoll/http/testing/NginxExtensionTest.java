package dev.plimsoll.http.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The extension as a test class meets it (registered here, as the other modules' tests register it),
 * and its callbacks driven by hand: after the class, nginx no longer listens and its folder is gone,
 * also when the start failed; a nested class neither starts a second nginx nor stops the first.
 */
class NginxExtensionTest {
  @RegisterExtension static final NginxExtension nginx = NginxExtension.shop();

  @Test
  void aRegisteredExtensionGivesTheClassARunningNginxAndItsCount() {
    long before = nginx.requests(0);
    assertThat(nginx.url(0, "/orders/1")).isEqualTo("http://127.0.0.1:" + nginx.port(0) + "/orders/1");
    // Each read of the count is a request that nginx counts.
    assertThat(nginx.requests(0) - before).isEqualTo(1);
  }

  @Test
  void afterTheClassNginxNoLongerListensAndItsFolderIsGone() throws Exception {
    AtomicReference<Path> dir = new AtomicReference<>();
    NginxExtension extension = NginxExtension.startedBy(d -> {
      dir.set(d);
      return ShopNginx.start(d);
    });
    ExtensionContext outer = context("[class:Outer]");
    extension.beforeAll(outer);
    int port = extension.port(0);
    assertThat(listening(port)).isTrue();

    ExtensionContext nested = context("[class:Outer]/[nested-class:Inner]");
    extension.beforeAll(nested);
    extension.afterAll(nested);
    assertThat(extension.port(0)).as("the nested class's end leaves the outer class's nginx").isEqualTo(port);
    assertThat(listening(port)).isTrue();

    extension.afterAll(outer);
    assertThat(listening(port)).isFalse();
    assertThat(dir.get()).doesNotExist();
    assertThatThrownBy(() -> extension.url(0, "/")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("static field");
  }

  @Test
  void aStartThatFailsStillLeavesNoFolderBehind() throws Exception {
    AtomicReference<Path> dir = new AtomicReference<>();
    NginxExtension extension = NginxExtension.startedBy(d -> {
      dir.set(d);
      throw new IllegalStateException("nginx did not start");
    });
    ExtensionContext context = context("[class:Failing]");
    assertThatThrownBy(() -> extension.beforeAll(context)).hasMessage("nginx did not start");
    assertThat(dir.get()).isDirectory();
    // JUnit calls afterAll after a failed beforeAll too.
    extension.afterAll(context);
    assertThat(dir.get()).doesNotExist();
  }

  /** An ExtensionContext that tells only its unique id, all the extension asks of it. */
  private static ExtensionContext context(String uniqueId) {
    return (ExtensionContext) Proxy.newProxyInstance(ExtensionContext.class.getClassLoader(),
        new Class<?>[] {ExtensionContext.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getUniqueId" -> uniqueId;
          case "toString" -> uniqueId;
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  private static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }
}
