package dev.plimsoll.scenario.echo;

import dev.plimsoll.scenario.driver.DriverStep;
import dev.plimsoll.scenario.driver.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Sends {@code line}, checks that the answer contains {@code expect}, stores it as {@code store}. */
record EchoStep(Template line, String expect, String store) implements DriverStep {

  @Override
  public String driver() {
    return EchoDriver.NAME;
  }

  @Override
  public Set<String> feeders() {
    return line.feeders();
  }

  @Override
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    lines.add("echo '" + line.source() + "'");
    if (expect != null) {
      lines.add("expect: " + expect);
    }
    if (store != null) {
      lines.add("store: " + store);
    }
    return lines;
  }
}
