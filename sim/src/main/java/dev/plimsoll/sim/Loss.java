package dev.plimsoll.sim;

/**
 * Which messages a link drops. {@link #random} drops each message independently; a
 * {@link #gilbertElliott Gilbert-Elliott} link moves between a good and a bad state, so losses come
 * in bursts as on a real congested or radio link. Each link keeps its own state and draws from the
 * sending node's seeded random source.
 */
public sealed interface Loss {

  /** No message is dropped. */
  static Loss none() {
    return new Random(0);
  }

  /** Each message is dropped with {@code probability}, independently of the others. */
  static Loss random(double probability) {
    return new Random(probability);
  }

  /**
   * The two-state Gilbert-Elliott model: after each message the link goes from good to bad with
   * {@code goodToBad} and back with {@code badToGood}; a message is dropped with {@code lossInGood}
   * or {@code lossInBad} according to the state it meets. The long-run loss rate is
   * {@code (badToGood * lossInGood + goodToBad * lossInBad) / (goodToBad + badToGood)}.
   */
  static Loss gilbertElliott(double goodToBad, double badToGood, double lossInGood, double lossInBad) {
    return new GilbertElliott(goodToBad, badToGood, lossInGood, lossInBad);
  }

  /** The share of messages dropped in the long run. */
  double meanLossRate();

  /** The text form, for descriptions. */
  String describe();

  /** Independent loss. */
  record Random(double probability) implements Loss {
    public Random {
      Checks.probability(probability, "loss");
    }

    @Override
    public double meanLossRate() {
      return probability;
    }

    @Override
    public String describe() {
      return probability == 0 ? "none" : "random(" + probability + ")";
    }
  }

  /** Bursty loss; see {@link Loss#gilbertElliott}. */
  record GilbertElliott(double goodToBad, double badToGood, double lossInGood, double lossInBad) implements Loss {
    public GilbertElliott {
      Checks.probability(goodToBad, "loss.goodToBad");
      Checks.probability(badToGood, "loss.badToGood");
      Checks.probability(lossInGood, "loss.lossInGood");
      Checks.probability(lossInBad, "loss.lossInBad");
      Checks.require(goodToBad + badToGood > 0, "loss", "goodToBad and badToGood cannot both be 0");
    }

    @Override
    public double meanLossRate() {
      return (badToGood * lossInGood + goodToBad * lossInBad) / (goodToBad + badToGood);
    }

    @Override
    public String describe() {
      return "gilbert-elliott(" + goodToBad + "," + badToGood + "," + lossInGood + "," + lossInBad + ")";
    }
  }
}
