package dev.plimsoll.core.criteria;

/**
 * A criterion's outcome.
 *
 * @param criterion the criterion judged
 * @param measured the measured value, in the criterion's canonical unit (see {@link Metric#unit()})
 * @param passed whether the measured value satisfied the criterion
 * @param detail a short human note, e.g. "measured 31.2 ms" or "no such operation 'serch'"
 */
public record Verdict(Criterion criterion, double measured, boolean passed, String detail) {}
