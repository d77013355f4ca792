package dev.plimsoll.core;

/**
 * How load is offered: {@link ClosedModel} (virtual users, each waiting for its operation before
 * the next) or {@link OpenModel} (arrivals at a rate that does not slow down when the system does).
 */
public sealed interface LoadModel permits ClosedModel, OpenModel {
  String describe();
}
