package dev.plimsoll.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.core.result.RunStatus;
import dev.plimsoll.http.testing.NginxExtension;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Java block of the README, compiled and run as written, so the front door cannot drift from
 * the API. A block's imports become the imports of a generated class (beside the core API's, which
 * a block may leave out) and the rest its method body; it must leave its outcome in a variable
 * {@code result}. Only what a reader would change is
 * changed: the target becomes a test nginx, folders point into this repository and a temporary
 * directory, and minutes and seconds shrink to fit a test.
 */
class ReadmeJavaTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Pattern BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

  /** What a block may use without importing it. */
  private static final String IMPLIED_IMPORTS = """
      import dev.plimsoll.core.*;
      import dev.plimsoll.core.result.RunResult;
      import java.time.Duration;
      """;

  /** The README's stand-ins for a reader's own system under test. */
  private static final String STAND_INS = """
      static final class Catalogue { void search(String term) {} }
      static final class Cart { void checkout(int user) {} }
      static final Catalogue catalogue = new Catalogue();
      static final Cart cart = new Cart();
      """;

  @RegisterExtension static final NginxExtension nginx = NginxExtension.shop();

  static Stream<String> blocks() throws IOException {
    Matcher m = BLOCK.matcher(Files.readString(README));
    List<String> found = new ArrayList<>();
    while (m.find()) {
      found.add(m.group(1));
    }
    assertThat(found).as("Java blocks in the README").hasSizeGreaterThanOrEqualTo(2);
    return found.stream();
  }

  @ParameterizedTest
  @MethodSource("blocks")
  void runsAsWritten(String block, @TempDir Path work) throws Exception {
    String source = adapt(block, work);
    Path src = work.resolve("src/readme/Snippet.java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, source);
    Path classes = Files.createDirectories(work.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter errors = new StringWriter();
    List<String> options = new ArrayList<>(
        List.of("-classpath", System.getProperty("java.class.path"), "-d", classes.toString(), "-proc:none"));
    String modulePath = System.getProperty("jdk.module.path");
    if (modulePath != null) {
      // The tests run inside the module: Plimsoll's modules are on the module path, the rest on the class path.
      options.addAll(List.of("--module-path", modulePath, "--add-modules", "ALL-MODULE-PATH"));
    }
    boolean compiled = javac.getTask(errors, null, null, options, null,
        javac.getStandardFileManager(null, null, null).getJavaFileObjects(src)).call();
    assertThat(compiled).as(errors + "\n" + source).isTrue();

    try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Object result = loader.loadClass("readme.Snippet").getMethod("run").invoke(null);
      assertThat(result).isInstanceOf(RunResult.class);
      RunResult run = (RunResult) result;
      assertThat(run.status()).isIn(RunStatus.PASSED, RunStatus.FAILED);
      assertThat(run.operations()).allSatisfy(op -> assertThat(op.completed()).as(op.name()).isPositive());
    }
  }

  private static String adapt(String block, Path work) {
    String body = block
        .replace("http://127.0.0.1:8080", nginx.url(0, ""))
        .replace("Path.of(\"examples/", "Path.of(\"../examples/")
        .replace("Path.of(\"target/", "Path.of(\"" + work.toString().replace("\\", "/") + "/target/")
        .replaceAll("Duration\\.ofMinutes\\((\\d+)\\)", "Duration.ofMillis($1 * 400L)")
        .replaceAll("Duration\\.ofSeconds\\((\\d+)\\)", "Duration.ofMillis($1 * 40L)")
        .replaceAll("duration\\(\"\\d+s\"\\)", "duration(\"3s\").warmUp(\"1s\")");
    StringBuilder imports = new StringBuilder();
    StringBuilder statements = new StringBuilder();
    for (String line : body.split("\n")) {
      (line.startsWith("import ") ? imports : statements).append(line).append('\n');
    }
    return "package readme;\n" + IMPLIED_IMPORTS + imports + "public final class Snippet {\n" + STAND_INS
        + "public static Object run() throws Exception {\n" + statements + "return result;\n}\n}\n";
  }
}
