package dev.plimsoll.examples.agent;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Role-based access: each role grants permissions and may include other roles. The closure of a
 * role's grants is computed once, when the policy is built, so a check is a set lookup.
 */
public final class Authorizer {
  private final Map<String, Set<String>> grants;

  private Authorizer(Map<String, Set<String>> grants) {
    this.grants = Map.copyOf(grants);
  }

  /** Whether any of the session's roles grants {@code permission} (or the wildcard {@code *}). */
  public boolean allows(Authenticator.Session session, String permission) {
    for (String role : session.roles()) {
      Set<String> granted = grants.get(role);
      if (granted != null && (granted.contains(permission) || granted.contains("*"))) {
        return true;
      }
    }
    return false;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects roles, then resolves their inclusions. */
  public static final class Builder {
    private final Map<String, Set<String>> permissions = new HashMap<>();
    private final Map<String, Set<String>> includes = new HashMap<>();

    public Builder role(String role, Set<String> rolePermissions, String... includedRoles) {
      permissions.put(role, Set.copyOf(rolePermissions));
      includes.put(role, Set.of(includedRoles));
      return this;
    }

    /** @throws IllegalStateException naming an included role that was never defined, or a cycle */
    public Authorizer build() {
      Map<String, Set<String>> closed = new HashMap<>();
      for (String role : permissions.keySet()) {
        closed.put(role, Set.copyOf(collect(role, new HashSet<>(), new HashSet<>())));
      }
      return new Authorizer(closed);
    }

    private Set<String> collect(String role, Set<String> into, Set<String> path) {
      if (!permissions.containsKey(role)) {
        throw new IllegalStateException("role '" + role + "' is included but never defined");
      }
      if (!path.add(role)) {
        throw new IllegalStateException("roles include each other in a cycle through '" + role + "'");
      }
      into.addAll(permissions.get(role));
      for (String included : includes.get(role)) {
        collect(included, into, path);
      }
      path.remove(role);
      return into;
    }
  }
}
