package dev.plimsoll.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks the full variant of a load test (a method, or every test of a class), tagged
 * {@value #TAG}: the long run for a nightly or on-demand build. It is skipped unless
 * {@code PLIMSOLL_PROFILE=full} (or {@code -Dplimsoll.profile=full}), so that a plain
 * {@code mvn verify} never starts it; {@code mvn verify -Dplimsoll.profile=full -Dgroups=plimsoll-full}
 * runs the full variants alone. Works with {@link LoadTest} and with any test that uses {@link Load}.
 */
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(Full.TAG)
@ExtendWith({ProfileCondition.class, CurrentTest.class})
public @interface Full {
  /** The JUnit tag of full variants. */
  String TAG = "plimsoll-full";
}
