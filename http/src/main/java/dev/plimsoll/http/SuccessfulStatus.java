package dev.plimsoll.http;

/** The default check: 2xx or {@link HttpStatusException}. */
enum SuccessfulStatus implements ResponseCheck {
  INSTANCE;

  @Override
  public void check(HttpResponse response) {
    if (!response.successful()) {
      throw new HttpStatusException(response);
    }
  }
}
