package dev.plimsoll.core.metrics;

import java.time.Instant;

/** One occurrence of an error, as it was raised. */
public record ErrorSample(Instant time, String message) {}
