package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/Dockerfile, read statically (no Docker daemon here): it copies the jar the build makes and
 * ./plimsoll runs, runs that jar as its entry point, as a user other than root, on a JRE 21 or later.
 * (That the copied file exists after {@code mvn package} is checked by .ci/run.)
 */
class DockerfileTest {
  static List<String> lines;

  @BeforeAll
  static void read() throws Exception {
    lines = Files.readAllLines(DeployFiles.deploy("Dockerfile")).stream().map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
  }

  @Test
  void itCopiesTheJarTheBuildMakesAndThePlimsollScriptRuns() throws Exception {
    String pom = Files.readString(DeployFiles.root().resolve("cli/pom.xml"));
    Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(pom);
    assertThat(finalName.find()).as("the shade plugin's finalName in cli/pom.xml").isTrue();
    String built = "cli/target/" + finalName.group(1) + ".jar";
    List<String> copy = words(instruction("COPY"));
    assertThat(copy).hasSize(2);
    assertThat(copy.get(0)).isEqualTo(built);
    String script = Files.readString(DeployFiles.root().resolve("plimsoll"));
    assertThat(script).contains("jar=\"$here/" + built + "\"");
    List<String> entrypoint = jsonArray(instruction("ENTRYPOINT"));
    assertThat(entrypoint.get(0)).isEqualTo("java");
    assertThat(entrypoint.get(entrypoint.indexOf("-jar") + 1)).isEqualTo(copy.get(1));
  }

  @Test
  void itRunsAsAUserOtherThanRootOnAJre21OrLater() {
    Matcher base = Pattern.compile("eclipse-temurin:(\\d+)-jre").matcher(instruction("FROM"));
    assertThat(base.matches()).as(instruction("FROM")).isTrue();
    assertThat(Integer.parseInt(base.group(1))).isGreaterThanOrEqualTo(21);
    String user = instruction("USER");
    assertThat(user).matches("\\d+").isNotEqualTo("0");
    assertThat(instruction("RUN")).contains("useradd").contains("--uid " + user);
  }

  @Test
  void itExposesThePortsTheManifestsUse() {
    assertThat(words(instruction("EXPOSE"))).containsExactlyInAnyOrder("25520", "25521", "7626");
  }

  private static String instruction(String name) {
    List<String> found = new ArrayList<>();
    for (String l : lines) {
      if (l.startsWith(name + " ")) {
        found.add(l.substring(name.length() + 1).strip());
      }
    }
    assertThat(found).as(name).hasSize(1);
    return found.get(0);
  }

  private static List<String> words(String s) {
    return List.of(s.split("\\s+"));
  }

  private static List<String> jsonArray(String s) throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode n : new ObjectMapper().readTree(s)) {
      out.add(n.asText());
    }
    return out;
  }
}
