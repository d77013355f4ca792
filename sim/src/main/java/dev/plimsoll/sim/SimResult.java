package dev.plimsoll.sim;

import dev.plimsoll.core.result.ResultSection;
import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.units.Units;
import java.util.List;
import java.util.Optional;

/**
 * A simulation's outcome: the ordinary run result (operations {@code send} and {@code delivery},
 * intervals, verdicts), plus what only a simulation knows: its seed, topology and fault schedule,
 * recovery after each fault, and every node's counters.
 *
 * @param run the run's result, as every report renders it
 * @param network the default link conditions, in words
 * @param faults the fault schedule, in words
 * @param faultSchedule the fault schedule as configured, in the same order
 * @param totals every node's counters added up
 * @param nodes each node's counters, by id
 * @param links each link's counters, by sender then receiver
 * @param sends messages the load asked nodes to send
 * @param expectedDeliveries deliveries those messages owed (one per unicast, one per other session member)
 * @param delivered deliveries made, each recorded once
 * @param lost deliveries recorded as lost (failed, without a latency): not made within the delivery
 *     timeout, or the message could not be sent at all
 * @param inFlightAtEnd deliveries still owed when the run ended, neither made nor lost yet (messages
 *     sent in the run's last moments, still on the wire): in no operation count, shown here
 * @param duplicates deliveries of a message to a node that already had it
 * @param late deliveries after the delivery timeout (recorded as lost at the timeout)
 * @param handlerFailures exceptions thrown by the protocol's handlers (each ended its handler, not the run)
 * @param firstHandlerFailure the first of them, as its class and message
 * @param events the events of a deterministic run (0 in real time)
 */
public record SimResult(RunResult run, long seed, boolean deterministic, Topology topology, String network,
    List<String> faults, List<Fault> faultSchedule, List<Recovery> recoveries, NodeCounters totals, List<NodeCounters> nodes, List<LinkCounters> links, long sends,
    long expectedDeliveries, long delivered, long lost, long inFlightAtEnd, long duplicates, long late, long handlerFailures,
    Optional<String> firstHandlerFailure, long events) {

  public SimResult {
    faults = List.copyOf(faults);
    faultSchedule = List.copyOf(faultSchedule);
    recoveries = List.copyOf(recoveries);
    nodes = List.copyOf(nodes);
    links = List.copyOf(links);
  }

  /** Delivered over expected, over the whole run (messages whose timeout fell after the end count as they stood). */
  public double deliveryRatio() {
    return expectedDeliveries == 0 ? Double.NaN : (double) delivered / expectedDeliveries;
  }

  /** Link transmissions per message of the load: 1 for a direct unicast, more for relays and floods. */
  public double messagesPerOperation() {
    return sends == 0 ? Double.NaN : (double) totals.sent() / sends;
  }

  /** The simulation's own facts, as reports show them (the {@code simulation} section of the run's result). */
  public List<ResultSection.Fact> facts() {
    List<ResultSection.Fact> facts = new java.util.ArrayList<>();
    facts.add(new ResultSection.Fact("seed", seed + (deterministic ? ", deterministic (" + Units.count(events) + " events)" : ", real time")));
    facts.add(new ResultSection.Fact("topology", topology.describe()));
    facts.add(new ResultSection.Fact("links", network));
    facts.add(new ResultSection.Fact("delivery", Units.count(delivered) + " of " + Units.count(expectedDeliveries) + " ("
        + Units.percent(deliveryRatio()) + "), " + Units.count(lost) + " lost, "
        + Units.count(inFlightAtEnd) + " in flight at the end, " + Units.count(duplicates) + " duplicates, "
        + Units.count(late) + " late; " + Units.decimal(messagesPerOperation()) + " messages per send"));
    facts.add(new ResultSection.Fact("network", Units.count(totals.sent()) + " sent, " + Units.count(totals.received()) + " received, "
        + Units.count(totals.lost()) + " lost, " + Units.count(totals.duplicated()) + " duplicated, "
        + Units.count(totals.delayed()) + " delayed"));
    if (handlerFailures > 0) {
      facts.add(new ResultSection.Fact("protocol handlers", "threw " + Units.count(handlerFailures) + " times, first: "
          + firstHandlerFailure.orElse("?")));
    }
    for (String f : faults) {
      facts.add(new ResultSection.Fact("fault", f));
    }
    for (Recovery r : recoveries) {
      facts.add(new ResultSection.Fact("recovery", r.describe()));
    }
    return facts;
  }

  /** The simulation's own facts in lines ({@code name: value}). */
  public List<String> describe() {
    return facts().stream().map(f -> f.name() + ": " + f.value()).toList();
  }
}
