package dev.plimsoll.sim;

/**
 * What one node (or, with node -1, all of them) did over the run.
 *
 * @param sent messages it put on a link (relays included)
 * @param received messages that reached it
 * @param lost messages it sent that never arrived: dropped by the link, cut off by a partition, or
 *     sent to a crashed node or a non-peer
 * @param duplicated extra copies the network made of messages it sent
 * @param delayed messages it sent that a link held back to keep them in order
 * @param delivered messages delivered to the application here
 */
public record NodeCounters(int node, long sent, long received, long lost, long duplicated, long delayed,
    long delivered) {}
