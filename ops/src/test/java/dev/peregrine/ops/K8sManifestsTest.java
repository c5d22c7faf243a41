package dev.peregrine.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peregrine.core.testing.ExternalResources;
import dev.peregrine.ops.config.DaemonConfig;
import dev.peregrine.ops.config.DaemonConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.File;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manifests of {@code ops/k8s}: valid against the Kubernetes and Prometheus Operator schemas (the maintained
 * {@code kubernetes-models} packages, run by {@code ops/src/test/k8s/validate-manifests.mjs}; skipped without node or
 * {@code conformance/node_modules}, failed under CI), and consistent with the engine: the ConfigMap's configuration
 * loads through the engine's own loader, the probes' paths answer on the health port of a running engine, the
 * secrets are mounted as a folder the configuration points into, the ServiceMonitor finds the Service that finds the
 * pod (and the NetworkPolicy lets in its ports), and the PrometheusRule holds exactly the rules of
 * {@code ops/prometheus/alerts.yml}.
 */
class K8sManifestsTest
{
    private static final String SECRETS_MOUNT = "/etc/peregrine/secrets";
    private static final String JOURNAL_MOUNT = "/var/lib/peregrine";

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void everyManifestIsValidAgainstTheKubernetesAndPrometheusOperatorSchemas() throws Exception
    {
        final Map<String, List<Map<String, Object>>> manifests = manifests();
        final int documents = manifests.values().stream().mapToInt(List::size).sum();
        final String output = validate(manifests, 0);
        assertThat(output.lines().filter(l -> l.startsWith("valid ")).count()).as(output).isEqualTo(documents);
        assertThat(output).contains("valid statefulset.yaml StatefulSet peregrine", "valid servicemonitor.yaml ServiceMonitor peregrine",
            "valid prometheusrule.yaml PrometheusRule peregrine", "valid configmap.yaml ConfigMap peregrine-config",
            "valid service.yaml Service peregrine", "valid networkpolicy.yaml NetworkPolicy peregrine");

        // The validator does reject what Kubernetes would: a port given as text where the schema wants a number.
        final Map<String, Object> broken = copy(one(manifests, "statefulset.yaml"));
        containers(broken).get(0).put("ports", List.of(Map.of("name", "health", "containerPort", "eight-thousand")));
        final String refused = validate(Map.of("broken-statefulset.yaml", List.of(broken)), 1);
        assertThat(refused).contains("invalid broken-statefulset.yaml StatefulSet peregrine").contains("containerPort");
    }

    @Test
    void theKustomizationListsEveryManifest() throws Exception
    {
        final Map<String, Object> kustomization = new Yaml().load(Files.readString(k8sDir().resolve("kustomization.yaml")));
        assertThat(new TreeSet<>(strings(kustomization.get("resources")))).isEqualTo(manifests().keySet());
    }

    @Test
    void theConfigMapsConfigurationLoadsThroughTheEnginesLoaderWithItsSecretsFromTheMountedFiles() throws Exception
    {
        final Map<String, List<Map<String, Object>>> manifests = manifests();
        final String config = String.valueOf(map(one(manifests, "configmap.yaml").get("data")).get("peregrine.yaml"));
        // The pod's paths become this test's folders; nothing else of the text changes.
        assertThat(config).contains(SECRETS_MOUNT + "/", JOURNAL_MOUNT + "/journal");
        final Path secrets = Files.createDirectories(temp.resolve("secrets"));
        Files.writeString(secrets.resolve("admin_token"), "k8s-test-token-4f9c2a7e1b8d6f3a0c5e9b2d7a4f1c8e\n");
        Files.writeString(secrets.resolve("binance_api_key"), "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A\n");
        Files.writeString(secrets.resolve("binance_api_secret"), "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j\n");
        final Path file = temp.resolve("peregrine.yaml");
        Files.writeString(file, config.replace(SECRETS_MOUNT, secrets.toString())
            .replace(JOURNAL_MOUNT + "/journal", temp.resolve("journal").toString()));

        final DaemonConfig loaded = DaemonConfigLoader.load(file, null, Map.of());
        assertThat(loaded.live()).isTrue();
        assertThat(loaded.adminToken()).isEqualTo("k8s-test-token-4f9c2a7e1b8d6f3a0c5e9b2d7a4f1c8e");
        assertThat(loaded.adminTokenSource()).contains(secrets.resolve("admin_token").toString());
        assertThat(loaded.apiKey()).startsWith("vmPUZE6mv9");
        assertThat(loaded.bindAddress()).as("reachable by the Service and the kubelet's probes").isEqualTo("0.0.0.0");

        // The container's ports are the configuration's, and the Secret is mounted where the configuration looks.
        final Map<String, Object> container = containers(one(manifests, "statefulset.yaml")).get(0);
        final Map<String, Integer> ports = new LinkedHashMap<>();
        for (final Object port : (List<?>)container.get("ports"))
        {
            ports.put(String.valueOf(map(port).get("name")), (Integer)map(port).get("containerPort"));
        }
        assertThat(ports).containsEntry("health", loaded.healthPort()).containsEntry("metrics", loaded.metricsPort());
        final Map<String, Map<String, Object>> mounts = new LinkedHashMap<>();
        for (final Object mount : (List<?>)container.get("volumeMounts"))
        {
            mounts.put(String.valueOf(map(mount).get("name")), map(mount));
        }
        assertThat(mounts.get("secrets")).containsEntry("mountPath", SECRETS_MOUNT).containsEntry("readOnly", true)
            .as("subPath mounts never see a rotated Secret").doesNotContainKey("subPath");
        assertThat(mounts.get("journal")).containsEntry("mountPath", JOURNAL_MOUNT);
        assertThat(mounts.get("config").get("mountPath") + "/peregrine.yaml").isEqualTo(strings(container.get("args")).get(2));
        assertThat(String.valueOf(container.get("env"))).as("secrets as files, never as variables").doesNotContainIgnoringCase("secret");
    }

    @Test
    void theProbesPathsAnswerOnTheHealthPortOfARunningEngine() throws Exception
    {
        final Map<String, Object> container = containers(one(manifests(), "statefulset.yaml")).get(0);
        final Map<String, String> probes = new LinkedHashMap<>();
        for (final String probe : List.of("startupProbe", "livenessProbe", "readinessProbe"))
        {
            final Map<String, Object> get = map(map(container.get(probe)).get("httpGet"));
            assertThat(get).as(probe).containsEntry("port", "health");
            probes.put(probe, String.valueOf(get.get("path")));
        }
        assertThat(probes).containsEntry("livenessProbe", "/health").containsEntry("readinessProbe", "/ready");

        final BackgroundDemo demo = new BackgroundDemo("--duration", "8s", "--journal", temp.resolve("journal").toString(),
            "--metrics-port", "0", "--health-port", "0", "--wait-strategy", "blocking");
        try
        {
            final URI healthPort = URI.create(demo.admin()).resolve("/");
            for (final Map.Entry<String, String> probe : probes.entrySet())
            {
                final String url = healthPort.resolve(probe.getValue()).toString();
                // /ready answers 503 until the feed is connected and every book in sync: poll a few seconds.
                HttpResponse<String> answer = demo.call("GET", url, null);
                for (int i = 0; i < 50 && answer.statusCode() != 200; i++)
                {
                    Thread.sleep(100);
                    answer = demo.call("GET", url, null);
                }
                assertThat(answer.statusCode()).as("%s GET %s: %s", probe.getKey(), url, answer.body()).isEqualTo(200);
            }
        }
        finally
        {
            demo.awaitCleanExit();
        }
    }

    @Test
    void theServiceMonitorFindsTheServiceThatFindsThePodAndTheNetworkPolicyLetsItIn() throws Exception
    {
        final Map<String, List<Map<String, Object>>> manifests = manifests();
        final Map<String, Object> service = one(manifests, "service.yaml");
        final Map<String, Object> statefulSet = one(manifests, "statefulset.yaml");
        final Map<String, Object> monitor = one(manifests, "servicemonitor.yaml");
        // The scrape job is named after the Service: the rules select job="peregrine".
        assertThat(map(service.get("metadata")).get("name")).isEqualTo("peregrine");
        assertThat(Files.readString(ObservabilityFiles.prometheusDir().resolve("alerts.yml"))).contains("job=\"peregrine\"");
        assertThat(map(statefulSet.get("spec")).get("serviceName")).isEqualTo("peregrine");

        final Map<String, Object> podLabels = map(map(map(map(statefulSet.get("spec")).get("template")).get("metadata")).get("labels"));
        assertThat(podLabels).containsAllEntriesOf(map(map(service.get("spec")).get("selector")));
        assertThat(map(service.get("metadata")).get("labels"))
            .isEqualTo(map(map(map(monitor.get("spec")).get("selector")).get("matchLabels")));
        final Set<String> servicePorts = new TreeSet<>();
        for (final Object port : (List<?>)map(service.get("spec")).get("ports"))
        {
            servicePorts.add(String.valueOf(map(port).get("name")));
            assertThat(String.valueOf(map(port).get("targetPort"))).isIn("health", "metrics");
        }
        final Map<String, Object> endpoint = map(((List<?>)map(monitor.get("spec")).get("endpoints")).get(0));
        assertThat(servicePorts).contains(String.valueOf(endpoint.get("port")));
        assertThat(endpoint).containsEntry("path", "/metrics");
        assertThat(map(statefulSet.get("spec")).get("replicas")).as("one writer of the journal and the venue account").isEqualTo(1);

        // The NetworkPolicy selects the pod and lets in exactly the container's two ports.
        final Map<String, Object> policy = one(manifests, "networkpolicy.yaml");
        assertThat(podLabels).containsAllEntriesOf(map(map(map(policy.get("spec")).get("podSelector")).get("matchLabels")));
        final Set<Integer> allowed = new TreeSet<>();
        for (final Object rule : (List<?>)map(policy.get("spec")).get("ingress"))
        {
            for (final Object port : (List<?>)map(rule).get("ports"))
            {
                allowed.add((Integer)map(port).get("port"));
            }
        }
        final Set<Integer> containerPorts = new TreeSet<>();
        for (final Object port : (List<?>)containers(statefulSet).get(0).get("ports"))
        {
            containerPorts.add((Integer)map(port).get("containerPort"));
        }
        assertThat(allowed).isEqualTo(containerPorts);
    }

    @Test
    void thePrometheusRuleHoldsExactlyTheRulesOfAlertsYml() throws Exception
    {
        final Map<String, Object> alerts = new Yaml().load(Files.readString(ObservabilityFiles.prometheusDir().resolve("alerts.yml")));
        final Map<String, Object> rule = one(manifests(), "prometheusrule.yaml");
        assertThat(map(rule.get("spec")).get("groups")).as("ops/k8s/prometheusrule.yaml spec.groups: copy the groups of "
            + "ops/prometheus/alerts.yml").isEqualTo(alerts.get("groups"));
    }

    /** Runs the node validator on {@code manifests} and returns its output; its exit code must be {@code expectedExit}. */
    private String validate(final Map<String, List<Map<String, Object>>> manifests, final int expectedExit) throws Exception
    {
        final Path node = node();
        ExternalResources.present(node != null, "node (Node.js 18 or newer) on the PATH, to validate the Kubernetes manifests");
        final Path modules = ObservabilityFiles.opsDir().getParent().resolve("conformance").resolve("node_modules");
        ExternalResources.present(Files.isDirectory(modules.resolve("kubernetes-models"))
                && Files.isDirectory(modules.resolve("@kubernetes-models").resolve("prometheus-operator")),
            "kubernetes-models and @kubernetes-models/prometheus-operator in " + modules + " (run 'npm ci' in conformance)");
        final ArrayNode documents = json.createArrayNode();
        manifests.forEach((file, docs) -> docs.forEach(doc ->
        {
            final ObjectNode entry = documents.addObject();
            entry.put("file", file);
            entry.set("manifest", json.valueToTree(doc));
        }));
        final Path input = temp.resolve("manifests-" + expectedExit + ".json");
        json.writeValue(input.toFile(), documents);
        final Path script = ObservabilityFiles.opsDir().resolve("src/test/k8s/validate-manifests.mjs");
        final Process process = new ProcessBuilder(node.toString(), script.toString(), modules.toString(), input.toString())
            .redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("validator finished").isTrue();
        assertThat(process.exitValue()).as("validator exit code; it said:%n%s", output).isEqualTo(expectedExit);
        return output;
    }

    /** The YAML documents of every manifest in {@code ops/k8s} but the kustomization, by file name. */
    private static Map<String, List<Map<String, Object>>> manifests() throws Exception
    {
        final Map<String, List<Map<String, Object>>> manifests = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(k8sDir()))
        {
            for (final Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList())
            {
                final String name = file.getFileName().toString();
                if (name.equals("kustomization.yaml"))
                {
                    continue;
                }
                final List<Map<String, Object>> docs = new ArrayList<>();
                for (final Object doc : new Yaml().loadAll(Files.readString(file)))
                {
                    if (doc != null)
                    {
                        docs.add(map(doc));
                    }
                }
                manifests.put(name, docs);
            }
        }
        assertThat(manifests).containsKeys("configmap.yaml", "statefulset.yaml", "service.yaml", "servicemonitor.yaml", "prometheusrule.yaml");
        return manifests;
    }

    private static Map<String, Object> one(final Map<String, List<Map<String, Object>>> manifests, final String file)
    {
        assertThat(manifests.get(file)).as(file).hasSize(1);
        return manifests.get(file).get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> containers(final Map<String, Object> statefulSet)
    {
        return (List<Map<String, Object>>)map(map(map(statefulSet.get("spec")).get("template")).get("spec")).get("containers");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(final Object value)
    {
        return (Map<String, Object>)value;
    }

    private static List<String> strings(final Object value)
    {
        return ((List<?>)value).stream().map(String::valueOf).toList();
    }

    private Map<String, Object> copy(final Map<String, Object> manifest) throws Exception
    {
        return json.readValue(json.writeValueAsString(manifest), json.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
    }

    private static Path k8sDir()
    {
        return ObservabilityFiles.opsDir().resolve("k8s");
    }

    /** {@code node} on the PATH, or null. */
    private static Path node()
    {
        final String path = System.getenv("PATH");
        if (path == null)
        {
            return null;
        }
        for (final String dir : path.split(File.pathSeparator))
        {
            final Path candidate = Path.of(dir, "node");
            if (Files.isExecutable(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
