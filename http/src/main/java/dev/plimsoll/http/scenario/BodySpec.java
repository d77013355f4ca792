package dev.plimsoll.http.scenario;

import dev.plimsoll.scenario.driver.Template;
import java.nio.file.Path;
import java.util.Arrays;

/** A request body: none, a template, or a file's bytes sent as they are. */
sealed interface BodySpec {

  /** No body: an empty byte array is sent. */
  BodySpec NONE = new None();

  record None() implements BodySpec {}

  /** {@code body:} or {@code bodyTemplate:} text, rendered for each call and sent as UTF-8. */
  record Text(Template template) implements BodySpec {}

  /** {@code bodyFile:} bytes read once when the scenario loads and sent unchanged. */
  record File(Path path, byte[] bytes) implements BodySpec {
    public File {
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof File f && f.path.equals(path) && Arrays.equals(f.bytes, bytes);
    }

    @Override
    public int hashCode() {
      return path.hashCode() * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "File[" + path + ", " + bytes.length + " bytes]";
    }
  }
}
