package dev.plimsoll.core;

/** How an open model spaces its arrivals at a given rate. */
public enum Arrivals {
  /** Evenly spaced: at 100/s, one every 10 ms. */
  UNIFORM,
  /** A Poisson process (exponential gaps), seeded from the scenario's seed. */
  POISSON
}
