/**
 * The result document: {@link dev.plimsoll.results.ResultJson} (the JSON codec and its schema) and
 * {@link dev.plimsoll.results.ResultFiles}, usable without any renderer.
 */
// The qualified export names report, which depends on this module and so is not seen while compiling it.
@SuppressWarnings("module")
module dev.plimsoll.results {
  requires transitive dev.plimsoll.core;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;

  exports dev.plimsoll.results;
  // Atomic file writing, shared with the renderers only.
  exports dev.plimsoll.results.internal to dev.plimsoll.report;
}
