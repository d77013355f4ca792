package dev.plimsoll.examples.agent;

import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Accounts with hashed passwords; a successful log-in opens a session naming the account's roles. */
public final class Authenticator {
  private final PasswordHasher hasher;
  private final Map<String, Account> accounts = new ConcurrentHashMap<>();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  public Authenticator(PasswordHasher hasher) {
    this.hasher = hasher;
  }

  public void register(String user, char[] password, Set<String> roles) {
    if (accounts.putIfAbsent(user, new Account(hasher.hash(password), Set.copyOf(roles))) != null) {
      throw new IllegalArgumentException("user '" + user + "' is already registered");
    }
  }

  /**
   * Opens a session.
   *
   * @throws AuthenticationException for an unknown user or a wrong password, which say the same
   *     thing so that the message does not tell which users exist
   */
  public Session login(String user, char[] password) throws AuthenticationException {
    Account account = accounts.get(user);
    if (account == null || !hasher.matches(password, account.password())) {
      throw new AuthenticationException("unknown user or wrong password");
    }
    byte[] token = new byte[24];
    ThreadLocalRandom.current().nextBytes(token);
    Session session = new Session(Base64.getUrlEncoder().withoutPadding().encodeToString(token), user, account.roles());
    sessions.put(session.token(), session);
    return session;
  }

  public void logout(Session session) {
    sessions.remove(session.token());
  }

  public int openSessions() {
    return sessions.size();
  }

  private record Account(PasswordHasher.StoredPassword password, Set<String> roles) {}

  /** Who is logged in, and as what. */
  public record Session(String token, String user, Set<String> roles) {}

  /** A log-in refused. */
  public static final class AuthenticationException extends Exception {
    public AuthenticationException(String message) {
      super(message);
    }
  }
}
