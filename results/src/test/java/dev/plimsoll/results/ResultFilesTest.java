package dev.plimsoll.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.result.RunResult;
import dev.plimsoll.results.testing.ResultFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultFilesTest {

  @TempDir Path dir;

  @Test
  void roundTrip_throughFile_readsBackEqual() throws IOException {
    RunResult rich = ResultFixtures.richResult();
    Path file = dir.resolve("result.json");

    ResultFiles.write(rich, file);

    assertThat(ResultFiles.read(file)).isEqualTo(rich);
  }

  @Test
  void write_writesExactlyTheTextOfToJson_andReturnsTheFile() throws IOException {
    RunResult rich = ResultFixtures.richResult();
    Path file = dir.resolve("result.json");

    Path written = ResultFiles.write(rich, file);

    assertThat(written).isEqualTo(file);
    assertThat(Files.readString(file)).isEqualTo(ResultJson.toJson(rich));
  }

  @Test
  void write_leavesNoTemporaryFile_andReplacesAnOldFile() throws IOException {
    Path file = dir.resolve("result.json");
    Files.writeString(file, "old content");

    ResultFiles.write(ResultFixtures.richResult(), file);

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
    assertThat(Files.readString(file)).startsWith("{");
  }

  @Test
  void write_createsMissingDirectories() throws IOException {
    Path file = dir.resolve("a/b/result.json");

    ResultFiles.write(ResultFixtures.sparseResult(), file);

    assertThat(ResultFiles.read(file)).isEqualTo(ResultFixtures.sparseResult());
  }

  @Test
  void read_malformedJson_namesTheFileAndPlace() throws IOException {
    Path file = dir.resolve("broken.json");
    Files.writeString(file, "{\n  \"schemaVersion\": 1,\n  \"name\": \n");

    assertRefused(file)
        .hasMessageStartingWith(file + ": not valid JSON at line");
  }

  @Test
  void read_binaryFile_isAJsonErrorNotAnEncodingOne() throws IOException {
    Path file = dir.resolve("result.json.gz");
    Files.write(file, new byte[] {(byte) 0x1f, (byte) 0x8b, 8, 0, (byte) 0xff, (byte) 0xfe});

    assertRefused(file)
        .hasMessageStartingWith(file + ": not valid JSON");
  }

  @Test
  void read_emptyFile_saysSo() throws IOException {
    Path file = dir.resolve("empty.json");
    Files.writeString(file, "");

    assertRefused(file)
        .hasMessage(file + ": is empty, expected a Plimsoll result");
  }

  @Test
  void read_unknownSchemaVersion_isRefusedBeforeAnyOtherField() throws IOException {
    Path file = dir.resolve("future.json");
    Files.writeString(file, "{\"schemaVersion\": 2, \"somethingNew\": true}");

    assertRefused(file)
        .hasMessage(file + ": field 'schemaVersion' is 2, but this version of Plimsoll reads"
            + " only schemaVersion 1");
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(Path file) {
    return assertThatThrownBy(() -> ResultFiles.read(file))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
