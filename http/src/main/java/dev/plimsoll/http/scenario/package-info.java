/**
 * HTTP in scenario files: the {@link dev.plimsoll.http.scenario.HttpDriver} behind {@code request}
 * steps and the {@code http:} section, found by the scenario loader on the classpath, and
 * {@link dev.plimsoll.http.scenario.HttpQuickTest} for the one-URL test of {@code plimsoll http}.
 */
package dev.plimsoll.http.scenario;
