package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.cluster.Bootstrap;
import dev.plimsoll.cluster.ClusterAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kubernetes manifests under deploy/kubernetes, checked without a Kubernetes cluster: every
 * document parsed, every cross-reference resolved, and every container's command parsed and
 * configured by the real command line (the coordinator and worker built, not started).
 */
class DeployManifestsTest {
  /** A pod IP for $(POD_IP). */
  private static final String POD_IP = "10.1.2.3";
  /** The keys of the Secret cert-manager writes for a Certificate with a PKCS#12 keystore. */
  private static final Set<String> CERT_MANAGER_KEYS = Set.of("tls.crt", "tls.key", "ca.crt", "keystore.p12",
      "truststore.p12");

  static List<JsonNode> docs;
  static List<String> readme;

  @BeforeAll
  static void read() throws Exception {
    docs = DeployFiles.manifests();
    readme = DeployFiles.readmeCodeLines();
  }

  @Test
  void everyDocumentIsAnObjectWithAnApiVersionAKindAndAName() {
    assertThat(docs).hasSizeGreaterThanOrEqualTo(10).allSatisfy(d -> {
      assertThat(d.path("apiVersion").asText()).as(d.toString()).isNotBlank();
      assertThat(d.path("kind").asText()).as(d.toString()).isNotBlank();
      assertThat(d.path("metadata").path("name").asText()).as(d.toString()).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    });
    assertThat(docs).extracting(d -> d.path("kind").asText() + "/" + d.path("metadata").path("name").asText())
        .doesNotHaveDuplicates()
        .contains("Service/plimsoll-coordinator", "Job/plimsoll-coordinator", "Job/plimsoll-workers",
            "ServiceAccount/plimsoll", "Role/plimsoll-pod-reader", "RoleBinding/plimsoll-pod-reader");
  }

  @Test
  void everySecretAndConfigMapAPodUsesIsMadeWithTheKeysItMounts() {
    // Secrets: each way the README offers must give every key a pod mounts.
    Map<String, List<Set<String>>> secrets = new HashMap<>();
    for (JsonNode d : kind("Certificate")) {
      JsonNode spec = d.path("spec");
      Set<String> keys = spec.path("keystores").path("pkcs12").path("create").asBoolean() ? CERT_MANAGER_KEYS
          : Set.of("tls.crt", "tls.key", "ca.crt");
      secrets.computeIfAbsent(spec.path("secretName").asText(), k -> new ArrayList<>()).add(keys);
      // The Issuer it names exists, and so does the Secret holding its keystore's password.
      assertThat(names("Issuer")).contains(spec.path("issuerRef").path("name").asText());
    }
    created("secret generic").forEach((name, ways) -> secrets.computeIfAbsent(name, k -> new ArrayList<>()).addAll(ways));
    Map<String, List<Set<String>>> configMaps = created("configmap");
    for (JsonNode d : kind("Certificate")) {
      JsonNode password = d.path("spec").path("keystores").path("pkcs12").path("passwordSecretRef");
      if (!password.isMissingNode()) {
        assertThat(secrets).containsKey(password.path("name").asText());
        assertThat(secrets.get(password.path("name").asText()))
            .allSatisfy(keys -> assertThat(keys).contains(password.path("key").asText()));
      }
    }
    for (JsonNode d : kind("Issuer")) {
      if (d.path("spec").has("ca")) {
        assertThat(secrets).containsKey(d.path("spec").path("ca").path("secretName").asText());
      }
    }
    int checked = 0;
    for (JsonNode pod : podTemplates()) {
      for (JsonNode volume : pod.path("spec").path("volumes")) {
        List<JsonNode> sources = new ArrayList<>();
        volume.path("projected").path("sources").forEach(sources::add);
        if (volume.has("secret")) {
          sources.add(volume);
        }
        for (JsonNode source : sources) {
          if (source.has("secret")) {
            JsonNode secret = source.path("secret");
            String name = secret.has("secretName") ? secret.path("secretName").asText() : secret.path("name").asText();
            assertThat(secrets).as("Secret " + name).containsKey(name);
            for (JsonNode item : secret.path("items")) {
              for (Set<String> keys : secrets.get(name)) {
                assertThat(keys).as("Secret " + name).contains(item.path("key").asText());
              }
              checked++;
            }
          }
        }
        if (volume.has("configMap")) {
          String name = volume.path("configMap").path("name").asText();
          assertThat(configMaps).as("ConfigMap " + name).containsKey(name);
        }
      }
    }
    assertThat(checked).isEqualTo(6);
  }

  @Test
  void everyPodRunsAsTheServiceAccountTheRoleLetsListPods() {
    assertThat(podTemplates()).allSatisfy(pod ->
        assertThat(names("ServiceAccount")).contains(pod.path("spec").path("serviceAccountName").asText()));
    JsonNode binding = kind("RoleBinding").get(0);
    assertThat(binding.path("subjects")).anySatisfy(s -> {
      assertThat(s.path("kind").asText()).isEqualTo("ServiceAccount");
      assertThat(s.path("name").asText()).isEqualTo("plimsoll");
    });
    String role = binding.path("roleRef").path("name").asText();
    JsonNode rule = kind("Role").stream().filter(r -> name(r).equals(role)).findFirst().orElseThrow()
        .path("rules").get(0);
    assertThat(texts(rule.path("apiGroups"))).containsExactly("");
    assertThat(texts(rule.path("resources"))).containsExactly("pods");
    assertThat(texts(rule.path("verbs"))).contains("get", "watch", "list").doesNotContain("create", "delete", "*");
  }

  @Test
  void theContainersRunTheImageWithOptionsTheCommandLineAcceptsAndTheFilesTlsDirReads(@TempDir Path dir) throws Exception {
    Set<String> images = new HashSet<>();
    int coordinators = 0;
    int workers = 0;
    for (JsonNode pod : podTemplates()) {
      JsonNode container = pod.path("spec").path("containers").get(0);
      images.add(container.path("image").asText());
      // The mounted TLS files, in a directory of their own, stand in for /tls.
      Path tls = Files.createDirectories(dir.resolve(name(pod) + "-tls"));
      for (String file : mountedFiles(pod, "tls")) {
        Files.writeString(tls.resolve(file), "not-a-real-store");
      }
      List<String> args = new ArrayList<>();
      for (JsonNode a : container.path("args")) {
        args.add(expand(a.asText(), container).replace("/tls", tls.toString()));
      }
      Object command = DeployFiles.parse(args);
      Map<String, Integer> ports = containerPorts(container);
      if (command instanceof RunCommand run) {
        coordinators++;
        assertThat(run.cluster.workers).isEqualTo(indexedJob().path("spec").path("completions").asInt())
            .isEqualTo(indexedJob().path("spec").path("parallelism").asInt());
        // Builds the coordinator as `plimsoll run` would: options, TLS files and bootstrap all checked.
        run.cluster.builder();
        assertThat(ClusterAddress.parse(run.cluster.cluster).port()).isEqualTo(ClusterAddress.DEFAULT_PORT)
            .isEqualTo(ports.get("artery"));
        checkBootstrap(run.cluster.bootstrap, ClusterAddress.parse(run.cluster.cluster), true, pod, ports);
      } else if (command instanceof WorkerCommand worker) {
        workers++;
        worker.builder();
        assertThat(ClusterAddress.parse(worker.listen).port()).isEqualTo(ports.get("artery"));
        checkBootstrap(worker.bootstrap, ClusterAddress.parse(worker.listen), false, pod, ports);
      } else {
        throw new AssertionError("a container runs neither plimsoll run nor plimsoll worker: " + args);
      }
    }
    assertThat(coordinators).isOne();
    assertThat(workers).isOne();
    assertThat(images).hasSize(1);
    assertThat(indexedJob().path("spec").path("completionMode").asText()).isEqualTo("Indexed");
  }

  @Test
  void theServiceSelectsTheCoordinatorsPodAtItsPorts() {
    JsonNode service = kind("Service").get(0);
    JsonNode coordinator = podTemplates().stream().filter(p -> name(p).equals("plimsoll-coordinator")).findFirst()
        .orElseThrow();
    Map<String, String> selector = new LinkedHashMap<>();
    service.path("spec").path("selector").fields().forEachRemaining(e -> selector.put(e.getKey(), e.getValue().asText()));
    assertThat(matching(selector)).containsExactly(coordinator);
    Map<String, Integer> ports = containerPorts(coordinator.path("spec").path("containers").get(0));
    assertThat(service.path("spec").path("ports")).hasSize(2).allSatisfy(p -> {
      assertThat(ports).containsEntry(p.path("targetPort").asText(), p.path("port").asInt());
      assertThat(p.path("name").asText()).isEqualTo(p.path("targetPort").asText());
    });
    assertThat(ports).containsEntry("artery", ClusterAddress.DEFAULT_PORT)
        .containsEntry(Bootstrap.KUBERNETES_PORT_NAME, Bootstrap.DEFAULT_MANAGEMENT_PORT);
  }

  @Test
  void thePodsRunAsTheImagesUser() throws Exception {
    String user = Files.readAllLines(DeployFiles.deploy("Dockerfile")).stream().filter(l -> l.startsWith("USER "))
        .findFirst().orElseThrow().substring(5).strip();
    assertThat(podTemplates()).allSatisfy(pod -> {
      assertThat(pod.path("spec").path("securityContext").path("runAsUser").asText()).isEqualTo(user);
      assertThat(pod.path("spec").path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
    });
  }

  /** Discovery as the node configures it: the label selector picks the coordinator's pod alone, at its management port. */
  private void checkBootstrap(BootstrapOptions options, ClusterAddress self, boolean coordinator, JsonNode pod,
      Map<String, Integer> ports) {
    assertThat(options.method).isEqualTo("kubernetes-api");
    Bootstrap b = options.bootstrap(self, coordinator);
    assertThat(b.management().host()).isEqualTo(POD_IP);
    assertThat(b.management().port()).isEqualTo(Bootstrap.DEFAULT_MANAGEMENT_PORT)
        .isEqualTo(ports.get(Bootstrap.KUBERNETES_PORT_NAME));
    Map<String, String> selector = new LinkedHashMap<>();
    for (String term : b.effectiveLabelSelector().split(",")) {
      String[] kv = term.split("=", 2);
      assertThat(kv).as("only equality terms: " + term).hasSize(2);
      selector.put(kv[0].strip(), kv[1].strip());
    }
    List<JsonNode> matched = matching(selector);
    assertThat(matched).extracting(DeployManifestsTest::name).containsExactly("plimsoll-coordinator");
    if (coordinator) {
      assertThat(matched).containsExactly(pod);
    }
  }

  private static List<JsonNode> matching(Map<String, String> selector) {
    return podTemplates().stream().filter(p -> selector.entrySet().stream()
        .allMatch(e -> e.getValue().equals(p.path("metadata").path("labels").path(e.getKey()).asText(null)))).toList();
  }

  /** $(VAR) from the container's env: only POD_IP, from the downward API. */
  private static String expand(String arg, JsonNode container) {
    Matcher m = Pattern.compile("\\$\\(([A-Z_]+)\\)").matcher(arg);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String var = m.group(1);
      JsonNode env = null;
      for (JsonNode e : container.path("env")) {
        if (e.path("name").asText().equals(var)) {
          env = e;
        }
      }
      assertThat(env).as("$(" + var + ") is defined in env").isNotNull();
      assertThat(env.path("valueFrom").path("fieldRef").path("fieldPath").asText()).isEqualTo("status.podIP");
      m.appendReplacement(out, POD_IP);
    }
    return m.appendTail(out).toString();
  }

  private static Map<String, Integer> containerPorts(JsonNode container) {
    Map<String, Integer> ports = new HashMap<>();
    container.path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
    return ports;
  }

  /** The file names a pod's volume gives its container. */
  private static List<String> mountedFiles(JsonNode pod, String volumeName) {
    List<String> files = new ArrayList<>();
    for (JsonNode volume : pod.path("spec").path("volumes")) {
      if (volume.path("name").asText().equals(volumeName)) {
        volume.path("projected").path("sources").forEach(s -> s.path("secret").path("items")
            .forEach(i -> files.add(i.path("path").asText())));
        volume.path("secret").path("items").forEach(i -> files.add(i.path("path").asText()));
      }
    }
    assertThat(files).as("files of volume " + volumeName).isNotEmpty();
    return files;
  }

  /**
   * What the README's {@code kubectl create secret generic NAME --from-file=KEY=...} (or
   * {@code configmap}) lines make: name to the keys of each way it is made.
   */
  private static Map<String, List<Set<String>>> created(String what) {
    Map<String, List<Set<String>>> made = new HashMap<>();
    for (String line : readme) {
      for (String part : line.split("&&")) {
        List<String> w = DeployFiles.words(part.strip());
        String joined = String.join(" ", w);
        if (!joined.startsWith("kubectl create " + what + " ")) {
          continue;
        }
        String name = w.get(2 + what.split(" ").length);
        Set<String> keys = new HashSet<>();
        for (String word : w) {
          Matcher m = Pattern.compile("--from-(?:file|literal)=([^=]+)(=.*)?").matcher(word);
          if (m.matches()) {
            String key = m.group(2) == null ? Path.of(m.group(1)).getFileName().toString() : m.group(1);
            keys.add(key);
          }
        }
        made.computeIfAbsent(name, k -> new ArrayList<>()).add(keys);
      }
    }
    return made;
  }

  private static JsonNode indexedJob() {
    return kind("Job").stream().filter(j -> j.path("spec").has("completionMode")).findFirst().orElseThrow();
  }

  /** Each Job's pod template, its metadata named after the Job. */
  private static List<JsonNode> podTemplates() {
    List<JsonNode> pods = new ArrayList<>();
    for (JsonNode job : kind("Job")) {
      JsonNode template = job.path("spec").path("template").deepCopy();
      ((com.fasterxml.jackson.databind.node.ObjectNode) template.path("metadata")).put("name", name(job));
      pods.add(template);
    }
    return pods;
  }

  private static List<JsonNode> kind(String kind) {
    return docs.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
  }

  private static Set<String> names(String kind) {
    Set<String> names = new HashSet<>();
    kind(kind).forEach(d -> names.add(name(d)));
    return names;
  }

  private static String name(JsonNode d) {
    return d.path("metadata").path("name").asText();
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
