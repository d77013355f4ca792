package dev.plimsoll.sim;

/**
 * What went over one direction of one connection.
 *
 * @param sent copies put on the link (duplicates included)
 * @param arrived copies that reached the other end (a crashed node's included: the link carried them)
 * @param lost copies the link dropped (loss, a full queue, a partition)
 * @param delayed copies held back (for order, for the bandwidth, by a holding partition)
 */
public record LinkCounters(int from, int to, long sent, long arrived, long lost, long delayed) {}
