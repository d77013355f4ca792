package dev.plimsoll.examples.demo;

import dev.plimsoll.core.Mix;
import dev.plimsoll.core.OpenModel;
import dev.plimsoll.core.RateProfile;
import dev.plimsoll.core.Scenario;
import dev.plimsoll.core.Stage;
import dev.plimsoll.core.Workload;
import dev.plimsoll.core.criteria.Preset;
import java.time.Duration;

/**
 * The demo's scenario: a 6:3:1 mix of browse, search and checkout under an open model that warms
 * up at 50/s, ramps to 200/s, holds, spikes to 600/s and settles back — all scaled to the
 * requested duration — judged by the production criteria.
 */
public final class DemoScenario {
  public static final Duration SHORTEST = Duration.ofSeconds(5);

  private DemoScenario() {}

  public static Scenario create(Duration duration) {
    DemoShop shop = new DemoShop();
    Mix mix = Mix.builder()
        .add("browse", 6, shop::browse)
        .add("search", 3, shop::search)
        .add("checkout", 1, shop::checkout)
        .build();
    RateProfile profile = RateProfile.stages(50,
        Stage.rampTo(50, part(duration, 0.15)),
        Stage.rampTo(200, part(duration, 0.25)),
        Stage.rampTo(200, part(duration, 0.20)),
        Stage.rampTo(600, part(duration, 0.02)),
        Stage.rampTo(600, part(duration, 0.08)),
        Stage.rampTo(200, part(duration, 0.02)),
        Stage.rampTo(200, part(duration, 0.28)));
    return Scenario.builder("demo")
        .workload(Workload.of("shop", mix, OpenModel.of(profile).poisson()))
        .duration(duration)
        .warmUp(part(duration, 0.15))
        .preset(Preset.PRODUCTION)
        .build();
  }

  private static Duration part(Duration whole, double share) {
    return Duration.ofMillis(Math.max(1, Math.round(whole.toMillis() * share)));
  }
}
