package dev.plimsoll.cluster.internal;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Set;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.remote.artery.tcp.ConfigSSLEngineProvider;
import scala.Option;

/**
 * Artery's TLS with one check more: after a handshake that proved the peer's certificate chains to
 * the CA, the peer is accepted only if one of its certificate's names matches the configured
 * {@link PeerNames} ({@value #PEER_NAMES}). A refused peer's connection is closed before any
 * message passes, so it never joins; the refusal is logged and published on the event stream as a
 * {@link PeerRefused}, naming the peer's host and certificate names (public parts, never keys).
 *
 * <p>Pekko's own providers check less: {@code hostname-verification} compares the peer's
 * certificate with the address dialled (useless for inbound connections and for IP addresses), and
 * the rotating-keys provider accepts a peer sharing its own certificate's subject, which cannot
 * tell a coordinator from a worker.
 */
public final class NameCheckingSSLEngineProvider extends ConfigSSLEngineProvider {
  /** Where the patterns are in the actor system's configuration. */
  public static final String PEER_NAMES = "plimsoll.tls.peer-names";

  /** A peer refused: its host, its certificate's names and the patterns none of them matched. */
  public record PeerRefused(String host, Set<String> names, String allowed) {
    public PeerRefused {
      names = Set.copyOf(names);
    }

    public String describe() {
      return "refused a peer at " + host + ": its certificate names " + (names.isEmpty() ? "(none)" : String.join(", ", names))
          + " match none of the allowed peer names (" + allowed + ")";
    }
  }

  private final ActorSystem system;
  private final PeerNames allowed;

  /** Pekko creates the provider by reflection, with its actor system. */
  public NameCheckingSSLEngineProvider(ActorSystem system) {
    super(system);
    this.system = system;
    this.allowed = PeerNames.of(system.settings().config().getStringList(PEER_NAMES));
  }

  // Pekko calls the first on the side that dialled and the second on the side that accepted: the
  // same check either way, so a coordinator checks its workers and a worker its coordinator.
  @Override
  public Option<Throwable> verifyClientSession(String hostname, SSLSession session) {
    return check(hostname, session);
  }

  @Override
  public Option<Throwable> verifyServerSession(String hostname, SSLSession session) {
    return check(session.getPeerHost() == null ? hostname : session.getPeerHost(), session);
  }

  private Option<Throwable> check(String peerHost, SSLSession session) {
    Set<String> names;
    try {
      Certificate[] chain = session.getPeerCertificates();
      names = chain.length > 0 && chain[0] instanceof X509Certificate x ? PeerNames.namesOf(x) : Set.of();
    } catch (SSLPeerUnverifiedException e) {
      names = Set.of();
    }
    if (allowed.accepts(names)) {
      return Option.empty();
    }
    // The host only: a refused peer dials again from a new port every few seconds.
    PeerRefused refused = new PeerRefused(peerHost, names, allowed.toString());
    log().warning(refused.describe());
    system.eventStream().publish(refused);
    return Option.apply(new SSLPeerUnverifiedException(refused.describe()));
  }
}
