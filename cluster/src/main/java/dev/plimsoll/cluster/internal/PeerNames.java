package dev.plimsoll.cluster.internal;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * The names a node accepts in its peers' certificates: patterns where {@code *} stands for any run
 * of characters ({@code worker-*}, {@code coordinator.plimsoll}), compared without regard to case
 * with each DNS name (SAN) and the common name of a peer's certificate. A peer is accepted if one of
 * its names matches one of the patterns. The certificate must also chain to the CA: that is TLS's
 * check, made first; this one only narrows which of the CA's certificates may join.
 */
public final class PeerNames {
  /**
   * Without other configuration, the names {@code plimsoll certs issue} gives the two roles and
   * their numbered or qualified variants ({@code coordinator}, {@code worker-3}, {@code worker.eu}):
   * another certificate of the same CA (a dashboard's, a test's) cannot join.
   */
  public static final List<String> DEFAULT = List.of("coordinator", "coordinator-*", "coordinator.*", "worker", "worker-*",
      "worker.*");

  private static final int DNS_NAME = 2;

  private final List<String> patterns;
  private final List<Pattern> compiled;

  private PeerNames(List<String> patterns) {
    this.patterns = patterns;
    this.compiled = patterns.stream().map(PeerNames::compile).toList();
  }

  /**
   * The patterns, each trimmed: letters, digits, {@code . - _} and {@code *} only.
   *
   * @throws IllegalArgumentException for an empty list or a pattern of other characters
   */
  public static PeerNames of(List<String> patterns) {
    List<String> clean = new ArrayList<>();
    for (String p : patterns) {
      String t = p.strip();
      if (t.isEmpty()) {
        continue;
      }
      if (!t.matches("[A-Za-z0-9_.*-]+")) {
        throw new IllegalArgumentException("a peer name pattern is letters, digits, '.', '-', '_' and '*' (was '" + t + "')");
      }
      clean.add(t);
    }
    if (clean.isEmpty()) {
      throw new IllegalArgumentException("no peer names: give at least one (e.g. worker-*)");
    }
    return new PeerNames(List.copyOf(clean));
  }

  public List<String> patterns() {
    return patterns;
  }

  /** Whether one of {@code names} matches one of the patterns. */
  public boolean accepts(Collection<String> names) {
    for (String n : names) {
      String lower = n.toLowerCase(Locale.ROOT);
      for (Pattern p : compiled) {
        if (p.matcher(lower).matches()) {
          return true;
        }
      }
    }
    return false;
  }

  /** The DNS names (subject alternative names) and the common name of {@code certificate}: public parts only. */
  public static Set<String> namesOf(X509Certificate certificate) {
    Set<String> names = new LinkedHashSet<>();
    try {
      Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
      if (sans != null) {
        for (List<?> san : sans) {
          if (san.size() >= 2 && Integer.valueOf(DNS_NAME).equals(san.get(0)) && san.get(1) instanceof String s) {
            names.add(s);
          }
        }
      }
    } catch (CertificateParsingException e) {
      // A certificate whose names cannot be read has none that match.
    }
    try {
      for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
        if ("CN".equalsIgnoreCase(rdn.getType())) {
          names.add(String.valueOf(rdn.getValue()));
        }
      }
    } catch (InvalidNameException e) {
      // As above.
    }
    return names;
  }

  private static Pattern compile(String pattern) {
    StringBuilder regex = new StringBuilder();
    String[] parts = pattern.toLowerCase(Locale.ROOT).split("\\*", -1);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(parts[i]));
    }
    return Pattern.compile(regex.toString());
  }

  @Override
  public String toString() {
    return String.join(", ", patterns);
  }
}
