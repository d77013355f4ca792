package dev.plimsoll.sim;

import dev.plimsoll.core.result.ResultSection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulation's own record in the run's result ({@code sections.simulation} of result.json, a
 * "Simulation" table in every report): the seed, the topology, the fault schedule with the nodes each
 * fault struck, the recovery after each, delivery, and every node's and the busiest links' counters.
 * Field by field in docs/result-schema.md.
 */
final class SimulationSection {
  static final String KEY = "simulation";
  /** Beyond this many connections the edge list is left out (the seed rebuilds it). */
  static final int MAX_EDGES = 50_000;
  /** The links kept, those that lost most first: a large run has tens of thousands. */
  static final int MAX_LINKS = 1_000;

  private SimulationSection() {}

  static ResultSection of(SimResult r, List<int[]> edges, List<List<Integer>> struck) {
    ResultSection.Builder b = ResultSection.builder(KEY, "Simulation");
    r.facts().forEach(f -> b.fact(f.name(), f.value()));
    b.data("seed", r.seed());
    b.data("deterministic", r.deterministic());
    b.data("events", r.events());
    b.data("topology", topology(r.topology(), edges));
    b.data("links", r.network());
    b.data("faults", faults(r, struck));
    b.data("recoveries", r.recoveries().stream().map(SimulationSection::recovery).toList());
    Map<String, Object> delivery = new LinkedHashMap<>();
    delivery.put("sends", r.sends());
    delivery.put("expected", r.expectedDeliveries());
    delivery.put("delivered", r.delivered());
    delivery.put("lost", r.lost());
    delivery.put("inFlightAtEnd", r.inFlightAtEnd());
    delivery.put("duplicates", r.duplicates());
    delivery.put("late", r.late());
    delivery.put("ratio", r.deliveryRatio());
    delivery.put("messagesPerSend", r.messagesPerOperation());
    b.data("delivery", delivery);
    b.data("network", counters(r.totals()));
    b.data("nodes", nodes(r.nodes()));
    b.data("busiestLinks", links(r.links()));
    b.data("linkCount", (long) r.links().size());
    b.data("handlerFailures", r.handlerFailures());
    b.data("firstHandlerFailure", r.firstHandlerFailure().orElse(null));
    return b.build();
  }

  private static Map<String, Object> topology(Topology t, List<int[]> edges) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("nodes", (long) t.nodes());
    o.put("connections", (long) t.connections());
    o.put("minDegree", (long) t.minDegree());
    o.put("maxDegree", (long) t.maxDegree());
    o.put("meanDegree", t.meanDegree());
    if (edges.size() <= MAX_EDGES) {
      List<Object> list = new ArrayList<>(edges.size());
      for (int[] e : edges) {
        list.add(List.of((long) e[0], (long) e[1]));
      }
      o.put("edges", list);
    } else {
      o.put("edges", null);
    }
    return o;
  }

  private static List<Object> faults(SimResult r, List<List<Integer>> struck) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < r.faultSchedule().size(); i++) {
      Fault f = r.faultSchedule().get(i);
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("kind", switch (f) {
        case Fault.Partition p -> p.fromSideOnly() ? "one-way partition" : "partition";
        case Fault.Crash c -> "crash";
        case Fault.Pause p -> "pause";
      });
      o.put("atS", seconds(f.at()));
      o.put("untilS", f.until().map(SimulationSection::seconds).orElse(null));
      o.put("description", f.describe());
      o.put("nodes", i < struck.size() ? struck.get(i).stream().map(Integer::longValue).toList() : List.of());
      out.add(o);
    }
    return out;
  }

  private static Map<String, Object> recovery(Recovery rec) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("fault", rec.fault());
    o.put("fromS", seconds(rec.from()));
    o.put("baselineRatio", rec.baselineRatio());
    o.put("baselineP95Ms", rec.baselineP95Ms());
    o.put("recoveredAfterS", rec.time().map(SimulationSection::seconds).orElse(null));
    return o;
  }

  private static Map<String, Object> counters(NodeCounters c) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("sent", c.sent());
    o.put("received", c.received());
    o.put("lost", c.lost());
    o.put("duplicated", c.duplicated());
    o.put("delayed", c.delayed());
    o.put("delivered", c.delivered());
    return o;
  }

  /** Each counter as one array indexed by node id: compact for thousands of nodes. */
  private static Map<String, Object> nodes(List<NodeCounters> nodes) {
    String[] names = {"sent", "received", "lost", "duplicated", "delayed", "delivered"};
    Map<String, Object> o = new LinkedHashMap<>();
    for (String name : names) {
      List<Object> column = new ArrayList<>(nodes.size());
      for (NodeCounters n : nodes) {
        column.add(counters(n).get(name));
      }
      o.put(name, column);
    }
    return o;
  }

  private static List<Object> links(List<LinkCounters> links) {
    return links.stream()
        .sorted(Comparator.comparingLong(LinkCounters::lost).reversed().thenComparing(Comparator.comparingLong(LinkCounters::sent).reversed()))
        .limit(MAX_LINKS)
        .map(l -> {
          Map<String, Object> o = new LinkedHashMap<>();
          o.put("from", (long) l.from());
          o.put("to", (long) l.to());
          o.put("sent", l.sent());
          o.put("arrived", l.arrived());
          o.put("lost", l.lost());
          o.put("delayed", l.delayed());
          return (Object) o;
        })
        .toList();
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }
}
