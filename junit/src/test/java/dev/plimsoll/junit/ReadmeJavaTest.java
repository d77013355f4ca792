package dev.plimsoll.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Java block of this module's README compiles against the API, so that the README cannot
 * drift from it. A block that declares a class is compiled as it is; any other (test methods) as
 * the body of a class. Both get the imports a reader's test has anyway, and a stand-in for the
 * README's authentication service. They are compiled, not run: their loads last 30 s and more.
 */
class ReadmeJavaTest {
  private static final Path README = Path.of("README.md");
  private static final Pattern BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

  private static final String IMPLIED_IMPORTS = """
      import dev.plimsoll.junit.*;
      import java.time.Duration;
      import org.junit.jupiter.api.Test;
      """;

  private static final String STAND_IN = """
      class AuthService {
        void login(String user, String password) throws Exception {}
      }
      """;

  static Stream<String> blocks() throws IOException {
    Matcher m = BLOCK.matcher(Files.readString(README));
    List<String> found = new ArrayList<>();
    while (m.find()) {
      found.add(m.group(1));
    }
    assertThat(found).as("Java blocks in the README").hasSizeGreaterThanOrEqualTo(4);
    return found.stream();
  }

  @ParameterizedTest
  @MethodSource("blocks")
  void compilesAsWritten(String block, @TempDir Path work) throws IOException {
    StringBuilder imports = new StringBuilder(IMPLIED_IMPORTS);
    StringBuilder body = new StringBuilder();
    for (String line : block.split("\n")) {
      (line.startsWith("import ") ? imports : body).append(line).append('\n');
    }
    boolean declaresClass = Pattern.compile("(?m)^class ").matcher(body).find();
    String source = imports + STAND_IN + (declaresClass ? body.toString()
        : "class Snippet {\n  private final AuthService auth = new AuthService();\n" + body + "}\n");
    Path file = Files.writeString(work.resolve("Snippet.java"), source);

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter errors = new StringWriter();
    boolean compiled = javac.getTask(errors, null, null,
        List.of("-classpath", System.getProperty("java.class.path"), "-d", work.toString(), "-proc:none"), null,
        javac.getStandardFileManager(null, null, null).getJavaFileObjects(file)).call();

    assertThat(compiled).as(errors + "\n" + source).isTrue();
  }
}
