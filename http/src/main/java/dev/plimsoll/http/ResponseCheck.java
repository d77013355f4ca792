package dev.plimsoll.http;

import java.util.Arrays;

/**
 * A check of a complete response: throwing fails the request with what was thrown. Checks run on
 * the client's event loop as the response completes, so they must be quick and must not block.
 */
@FunctionalInterface
public interface ResponseCheck {

  void check(HttpResponse response) throws Exception;

  /** Accepts 2xx; anything else fails with {@link HttpStatusException}. */
  static ResponseCheck successful() {
    return SuccessfulStatus.INSTANCE;
  }

  /** Accepts the statuses given; anything else fails with {@link HttpStatusException}. */
  static ResponseCheck status(int... accepted) {
    int[] sorted = accepted.clone();
    Arrays.sort(sorted);
    if (sorted.length == 0 || sorted[0] < 100 || sorted[sorted.length - 1] > 999) {
      throw new IllegalArgumentException("accepted statuses must be 100-999 (were " + Arrays.toString(accepted) + ")");
    }
    return response -> {
      if (Arrays.binarySearch(sorted, response.status()) < 0) {
        throw new HttpStatusException(response);
      }
    };
  }

  /** This check, then {@code next}. */
  default ResponseCheck and(ResponseCheck next) {
    return response -> {
      check(response);
      next.check(response);
    };
  }
}
