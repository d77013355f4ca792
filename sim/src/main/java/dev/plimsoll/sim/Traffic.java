package dev.plimsoll.sim;

/** What each message of the load is for. */
public enum Traffic {
  /** One random peer of the sending node: one delivery owed per message. */
  UNICAST,
  /** Every other live member of the sender's session: one delivery owed per member. */
  BROADCAST
}
