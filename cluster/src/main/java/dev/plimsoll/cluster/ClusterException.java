package dev.plimsoll.cluster;

/** A cluster run could not start: workers missing or refusing, an address that cannot be bound. */
public final class ClusterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ClusterException(String message) {
    super(message);
  }

  public ClusterException(String message, Throwable cause) {
    super(message, cause);
  }
}
