package dev.plimsoll.cluster.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The targets a worker agrees to send load to ({@code --allow-target}): patterns of
 * {@code host} or {@code host:port}, where {@code *} stands for any run of characters
 * ({@code *.staging.example.com}, {@code 10.0.0.*:8080}). With no patterns, any target is allowed.
 * The targets checked are every {@code http://} and {@code https://} address in the scenario file,
 * and the {@code PLIMSOLL_TARGET} setting, so a fleet cannot be pointed at a host outside the list.
 */
public final class TargetPolicy {
  private static final Pattern URL = Pattern.compile("https?://[^\\s\"'<>]+", Pattern.CASE_INSENSITIVE);

  private final List<String> patterns;
  private final List<Pattern> compiled = new ArrayList<>();

  public TargetPolicy(List<String> patterns) {
    this.patterns = List.copyOf(patterns);
    for (String p : this.patterns) {
      String[] parts = p.toLowerCase(Locale.ROOT).split("\\*", -1);
      StringBuilder regex = new StringBuilder();
      for (int i = 0; i < parts.length; i++) {
        if (i > 0) {
          regex.append(".*");
        }
        regex.append(Pattern.quote(parts[i]));
      }
      compiled.add(Pattern.compile(regex.toString()));
    }
  }

  public static TargetPolicy anyTarget() {
    return new TargetPolicy(List.of());
  }

  /** The first target of the scenario not allowed, as a reason to refuse it; null when all are. */
  public String refusal(String scenarioText, Map<String, String> settings) {
    if (compiled.isEmpty()) {
      return null;
    }
    List<String> targets = new ArrayList<>();
    Matcher m = URL.matcher(scenarioText);
    while (m.find()) {
      targets.add(m.group());
    }
    String target = settings.get("PLIMSOLL_TARGET");
    if (target != null && !target.isBlank()) {
      targets.add(target.contains("://") ? target : "http://" + target);
    }
    for (String t : targets) {
      if (!allowed(t)) {
        return "target " + hostPort(t) + " is not allowed on this worker (--allow-target " + String.join(", ", patterns)
            + ")";
      }
    }
    return null;
  }

  boolean allowed(String url) {
    String hostPort = hostPort(url);
    String host = hostPort.contains(":") && !hostPort.startsWith("[") ? hostPort.substring(0, hostPort.lastIndexOf(':'))
        : hostPort;
    for (Pattern p : compiled) {
      if (p.matcher(hostPort).matches() || p.matcher(host).matches()) {
        return true;
      }
    }
    return false;
  }

  private static String hostPort(String url) {
    try {
      URI u = URI.create(url.replaceAll("[{}]", "_"));
      String host = u.getHost() == null ? "?" : u.getHost().toLowerCase(Locale.ROOT);
      int port = u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
      return host + ":" + port;
    } catch (IllegalArgumentException e) {
      return url;
    }
  }
}
