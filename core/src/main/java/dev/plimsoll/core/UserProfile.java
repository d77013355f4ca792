package dev.plimsoll.core;

import dev.plimsoll.core.units.Units;
import java.util.List;

/** How many virtual users a closed model runs over time. */
public sealed interface UserProfile {

  /** The number of users wanted {@code seconds} into the run. */
  int usersAt(double seconds);

  /** The most users the profile ever asks for. */
  int maxUsers();

  String describe();

  static UserProfile constant(int users) {
    return new Constant(users);
  }

  /** Starts with {@code start} users and moves linearly through the stages, then holds. */
  static UserProfile stages(int start, Stage... stages) {
    return new Stages(start, List.of(stages));
  }

  record Constant(int users) implements UserProfile {
    public Constant {
      InvalidConfigurationException.require(users > 0, "users", "must be > 0 (was " + users + ")");
    }

    @Override
    public int usersAt(double seconds) {
      return users;
    }

    @Override
    public int maxUsers() {
      return users;
    }

    @Override
    public String describe() {
      return users + (users == 1 ? " user" : " users");
    }
  }

  record Stages(int start, List<Stage> stages) implements UserProfile {
    public Stages {
      stages = List.copyOf(stages);
      Stage.validate("users", start, stages);
      InvalidConfigurationException.require(
          start > 0 || stages.stream().anyMatch(s -> s.target() >= 1),
          "users.stages",
          "never has a user (at least one stage must have a target >= 1)");
    }

    @Override
    public int usersAt(double seconds) {
      double from = start;
      double t = 0;
      for (Stage s : stages) {
        double length = Durations.seconds(s.duration());
        if (seconds < t + length) {
          return (int) Math.round(from + (s.target() - from) * (seconds - t) / length);
        }
        t += length;
        from = s.target();
      }
      return (int) Math.round(from);
    }

    @Override
    public int maxUsers() {
      double max = start;
      for (Stage s : stages) {
        max = Math.max(max, s.target());
      }
      return (int) Math.round(max);
    }

    @Override
    public String describe() {
      StringBuilder text = new StringBuilder("users from " + start);
      for (Stage s : stages) {
        text.append(", ").append((long) s.target()).append(" over ").append(Units.formatDuration(s.duration()));
      }
      return text.toString();
    }
  }
}
