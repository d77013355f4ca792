/**
 * The demo shop behind {@code plimsoll demo}, and three worked examples of load-testing in-process
 * components: an agent platform's core, a vector store and a market-data ring buffer. Each example
 * is a picocli command with a plain {@code main}; {@code plimsoll example NAME} runs the same one.
 */
module dev.plimsoll.examples {
  requires transitive dev.plimsoll.core;
  requires dev.plimsoll.runner;
  requires transitive dev.plimsoll.results;
  requires info.picocli;
  requires com.fasterxml.jackson.databind;

  exports dev.plimsoll.examples.demo;
  exports dev.plimsoll.examples.agent;
  exports dev.plimsoll.examples.vectors;
  exports dev.plimsoll.examples.marketdata;
  exports dev.plimsoll.examples.support;

  // picocli reads and sets the annotated fields of the example commands.
  opens dev.plimsoll.examples.agent to info.picocli;
  opens dev.plimsoll.examples.vectors to info.picocli;
  opens dev.plimsoll.examples.marketdata to info.picocli;
  opens dev.plimsoll.examples.support to info.picocli;
}
