package dev.plimsoll.scenario.echo;

import dev.plimsoll.scenario.driver.Driver;
import dev.plimsoll.scenario.driver.DriverReader;
import dev.plimsoll.scenario.driver.DriverSession;
import dev.plimsoll.scenario.driver.DriverSettings;
import dev.plimsoll.scenario.driver.DriverSyntax;
import dev.plimsoll.scenario.driver.DriverSyntax.StepKind;
import dev.plimsoll.scenario.driver.ReadContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A second protocol, only in tests, built on the public SPI alone: {@code echo} steps send a line
 * over TCP to the target ({@code tcp://host:port}) and read the line that comes back.
 *
 * <pre>{@code
 * target: tcp://127.0.0.1:7000
 * echo: { connections: 2, timeout: 2s }
 * workloads:
 *   - name: pings
 *     closed: { users: 2 }
 *     mix:
 *       - { name: ping, echo: "hello ${seq}", expect: hello, store: reply }
 * }</pre>
 *
 * Registered in this module's test resources, META-INF/services, so the loader finds it as it
 * finds the HTTP driver.
 */
public final class EchoDriver implements Driver {
  static final String NAME = "echo";
  static final List<String> SECTION_KEYS = List.of("connections", "timeout");
  static final StepKind ECHO = StepKind.of("echo", "expect", "store");

  /** Every session any echo driver opened, so tests can see that runs close theirs. */
  static final ConcurrentLinkedQueue<EchoSession> SESSIONS = new ConcurrentLinkedQueue<>();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public DriverSyntax syntax() {
    return new DriverSyntax("echo", List.of(), List.of(ECHO), Map.of("echo", SECTION_KEYS));
  }

  @Override
  public String schema() {
    try (InputStream in = EchoDriver.class.getResourceAsStream("echo-schema.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public DriverReader reader(ReadContext context) {
    return new EchoReader(context);
  }

  @Override
  public DriverSession open(DriverSettings settings) {
    EchoSession session = new EchoSession(settings == null ? EchoSettings.DEFAULTS : (EchoSettings) settings);
    SESSIONS.add(session);
    return session;
  }
}
