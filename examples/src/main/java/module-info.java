/** The demo shop behind {@code plimsoll demo}: a scenario that needs no server. */
module dev.plimsoll.examples {
  requires transitive dev.plimsoll.core;

  exports dev.plimsoll.examples.demo;
}
