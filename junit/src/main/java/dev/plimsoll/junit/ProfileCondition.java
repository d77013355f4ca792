package dev.plimsoll.junit;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Runs the {@link Quick} or the {@link Full} variants, as the {@link Profile} says. */
final class ProfileCondition implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<Profile> variant = context.getElement().flatMap(ProfileCondition::variant);
    if (variant.isEmpty()) {
      return ConditionEvaluationResult.enabled("not a quick or full variant");
    }
    Environment environment = LoadTestExtension.environment(context);
    Profile profile = environment.profile();
    if (variant.get() == profile) {
      return ConditionEvaluationResult.enabled("a " + profile.label() + " variant, and the profile is " + profile.label());
    }
    return ConditionEvaluationResult.disabled("a " + variant.get().label() + " variant, and the profile is "
        + profile.label() + " (" + Environment.PROFILE + "=" + variant.get().label() + " or -D"
        + Environment.propertyName(Environment.PROFILE) + "=" + variant.get().label() + " runs it)");
  }

  private static Optional<Profile> variant(AnnotatedElement element) {
    if (AnnotationSupport.isAnnotated(element, Full.class)) {
      return Optional.of(Profile.FULL);
    }
    if (AnnotationSupport.isAnnotated(element, Quick.class)) {
      return Optional.of(Profile.QUICK);
    }
    return Optional.empty();
  }
}
