package dev.plimsoll.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks the quick variant of a load test (a method, or every test of a class), tagged
 * {@value #TAG}: it runs on every build, and is skipped when {@code PLIMSOLL_PROFILE=full} (or
 * {@code -Dplimsoll.profile=full}) asks for the {@link Full} variants instead. Works with
 * {@link LoadTest} and with any test that uses {@link Load}.
 */
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(Quick.TAG)
@ExtendWith({ProfileCondition.class, CurrentTest.class})
public @interface Quick {
  /** The JUnit tag of quick variants. */
  String TAG = "plimsoll-quick";
}
