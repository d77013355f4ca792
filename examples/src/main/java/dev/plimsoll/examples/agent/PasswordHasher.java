package dev.plimsoll.examples.agent;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted, iterated password hashing with the JDK's PBKDF2 (HMAC-SHA-256). The iteration count is the
 * knob that makes a log-in deliberately slow; the example's default keeps a run short, where a
 * production system would use hundreds of thousands.
 */
public final class PasswordHasher {
  private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  private static final int SALT_BYTES = 16;
  private static final int KEY_BITS = 256;

  private final int iterations;
  private final SecureRandom random = new SecureRandom();

  public PasswordHasher(int iterations) {
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be >= 1 (was " + iterations + ")");
    }
    this.iterations = iterations;
  }

  public int iterations() {
    return iterations;
  }

  /** A new salt and the password's hash under it. */
  public StoredPassword hash(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return new StoredPassword(salt, iterations, derive(password, salt, iterations));
  }

  /** Whether {@code password} is the one stored, compared in constant time. */
  public boolean matches(char[] password, StoredPassword stored) {
    return MessageDigest.isEqual(derive(password, stored.salt(), stored.iterations()), stored.hash());
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations) {
    KeySpec spec = new PBEKeySpec(password, salt, iterations, KEY_BITS);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no " + ALGORITHM, e);
    }
  }

  /** A stored credential: the salt and iteration count travel with the hash, so either can change later. */
  public record StoredPassword(byte[] salt, int iterations, byte[] hash) {}
}
