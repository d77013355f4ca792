package dev.plimsoll.scenario.driver;

import java.net.URI;
import java.util.function.LongSupplier;

/** What a driver's session may use when it compiles a step. */
public interface BuildContext {

  /** The base address relative addresses resolve against, without a trailing slash; null when there is none. */
  URI target();

  /** The scenario's shared {@code ${seq}} sequence, for {@link Template#render}. */
  LongSupplier sequence();
}
