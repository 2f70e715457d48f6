package io.konggitops.translate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.konggitops.cluster.ManifestClusterView;
import io.konggitops.kong.KongTarget;
import io.konggitops.kong.RouterFlavor;
import io.konggitops.kong.deck.DeckWriter;
import io.konggitops.source.ManifestLoader;
import io.konggitops.source.Manifests;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * KIC's own golden cases ({@code ${kong-gitops.shared}/kic-golden/ingress-v1-*} and the Kong CRD cases listed in
 * {@link #KONG_CRD_CASES}): our render of {@code in.yaml}
 * (manifests view, default options, secrets included) must equal {@code default_golden.yaml} once both have Kong's
 * defaults filled and set-like arrays sorted; the only allowed difference is our select tag, removed from our side.
 */
class KicGoldenTest {
    private static final ObjectMapper YAML = new YAMLMapper();

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> everyIngressCaseMatchesKicDefaultGolden() throws IOException {
        Path shared = SharedData.dir();
        Path golden = shared.resolve("kic-golden");
        Map<String, Object> defaults = GoldenNormaliser.loadDefaults(shared.resolve("docs/kong-defaults.json"));
        List<Path> cases = new ArrayList<>();
        try (Stream<Path> s = Files.list(golden)) {
            s.filter(p -> p.getFileName().toString().startsWith("ingress-v1-")).sorted().forEach(cases::add);
        }
        assertThat(cases).as("ingress-v1-* cases in " + golden).hasSizeGreaterThanOrEqualTo(7);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c, defaults)));
    }

    /** Every {@code expression-routes-on} golden of the Ingress cases: Kong's expressions router (§1.12). */
    @TestFactory
    Stream<DynamicTest> everyIngressCaseMatchesKicExpressionsGolden() throws IOException {
        Path shared = SharedData.dir();
        Path golden = shared.resolve("kic-golden");
        Map<String, Object> defaults = GoldenNormaliser.loadDefaults(shared.resolve("docs/kong-defaults.json"));
        List<Path> cases = new ArrayList<>();
        try (Stream<Path> s = Files.list(golden)) {
            s.filter(p -> p.getFileName().toString().startsWith("ingress-v1-"))
                    .filter(p -> Files.exists(p.resolve("expression-routes-on_golden.yaml"))).sorted()
                    .forEach(cases::add);
        }
        assertThat(cases).as("ingress-v1-* cases with an expressions golden in " + golden).hasSize(6);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
            assertThat(expressionRoutes(c.resolve("expression-routes-on_settings.yaml"))).isTrue();
            check(c, "expression-routes-on", TranslateOptions.defaults().withTarget(new KongTarget(
                    KongTarget.DEFAULT.version(), RouterFlavor.EXPRESSIONS, KongTarget.DEFAULT.dbless())), defaults);
        }));
    }

    /**
     * KIC's golden cases of GRPCRoute, TCPRoute and UDPRoute ({@code case/golden}), in KIC's harness (no admission).
     * Their backendRefs have no {@code kind}; KIC's harness skips CRD defaulting, so KIC skipped them (placeholder
     * tags, no port, the gRPC 500 plugin). As written, our output equals the golden. A real run applies the CRD
     * default {@code kind: Service} (as the API server does): then exactly the entities in
     * {@link #CRD_DEFAULT_DIFFERENCES} differ, in exactly the fields listed there, and everything else stays equal.
     */
    private static final List<String> L4_AND_GRPC_CASES = List.of("grpcroute-example/default",
            "grpcroute-example/expression-routes-on", "tcproute-example/default",
            "tcproute-example/expression-routes-on", "udproute-example/default",
            "udproute-example/expression-routes-on");

    /**
     * {@code case/golden} → {@code collection/name} → the fields that differ from KIC's golden once backendRefs have
     * their CRD default kind: the Kong services now have their Kubernetes Service's tags and port, their upstreams the
     * Service's tags; {@code plugins/request-termination@<service>} → {@code absent}: the gRPC services no longer get
     * the 500 request-termination plugin. (No targets: the cases have no EndpointSlices.)
     */
    private static final Map<String, Map<String, List<String>>> CRD_DEFAULT_DIFFERENCES = Map.of(
            "grpcroute-example/default", grpcDifferences("grpcroute.default.grpcbin."),
            "grpcroute-example/expression-routes-on", grpcDifferences("grpcroute.default.grpcbin.example.com."),
            "tcproute-example/default", streamDifferences("tcproute.tcp-namespace.echo-plaintext.0"),
            "tcproute-example/expression-routes-on", streamDifferences("tcproute.tcp-namespace.echo-plaintext.0"),
            "udproute-example/default", streamDifferences("udproute.udp-example.tftp.0"),
            "udproute-example/expression-routes-on", streamDifferences("udproute.udp-example.tftp.0"));

    private static Map<String, List<String>> grpcDifferences(String servicePrefix) {
        Map<String, List<String>> m = new java.util.TreeMap<>();
        for (int rule = 0; rule < 3; rule++) {
            m.put("services/" + servicePrefix + rule, List.of("tags", "port"));
            m.put("upstreams/" + servicePrefix + rule, List.of("tags"));
            m.put("plugins/request-termination@" + servicePrefix + rule, List.of(ABSENT));
        }
        return m;
    }

    /** In {@link #CRD_DEFAULT_DIFFERENCES}: the entity is in KIC's golden only. */
    private static final String ABSENT = "absent";

    private static Map<String, List<String>> streamDifferences(String service) {
        return Map.of("services/" + service, List.of("tags", "port"), "upstreams/" + service, List.of("tags"));
    }

    @TestFactory
    Stream<DynamicTest> grpcTcpAndUdpRouteCasesMatchKicGoldensAsWritten() throws IOException {
        Path shared = SharedData.dir();
        Path golden = shared.resolve("kic-golden");
        Map<String, Object> defaults = GoldenNormaliser.loadDefaults(shared.resolve("docs/kong-defaults.json"));
        return L4_AND_GRPC_CASES.stream().map(c -> DynamicTest.dynamicTest(c, () -> {
            String[] parts = c.split("/");
            check(golden.resolve(parts[0]), parts[1], harnessOptions(golden.resolve(parts[0]), parts[1]), defaults);
        }));
    }

    @TestFactory
    Stream<DynamicTest> grpcTcpAndUdpRouteCasesWithCrdDefaultsDifferOnlyInTheListedEntities() throws IOException {
        Path shared = SharedData.dir();
        Path golden = shared.resolve("kic-golden");
        Map<String, Object> defaults = GoldenNormaliser.loadDefaults(shared.resolve("docs/kong-defaults.json"));
        return L4_AND_GRPC_CASES.stream().map(c -> DynamicTest.dynamicTest(c, () -> {
            String[] parts = c.split("/");
            Path caseDir = golden.resolve(parts[0]);
            Path input = Files.createDirectories(tmp.resolve(parts[0] + "-" + parts[1] + "-crd-defaults"));
            Files.writeString(input.resolve("in.yaml"), withBackendRefDefaults(caseDir.resolve("in.yaml")));
            Manifests manifests = ManifestLoader.loadDirectory(input, "golden");
            assertThat(manifests.problems()).isEmpty();
            TranslateOptions options = harnessOptions(caseDir, parts[1]);
            Translation t = Translator.translate(manifests, ManifestClusterView.endpoints(manifests), options);
            @SuppressWarnings("unchecked")
            Map<String, Object> actual = (Map<String, Object>) GoldenNormaliser.normalise(YAML.readValue(
                    DeckWriter.write(t.desired(), DeckWriter.Format.YAML, true), Object.class), defaults,
                    options.selectTag());
            @SuppressWarnings("unchecked")
            Map<String, Object> expected = (Map<String, Object>) GoldenNormaliser.normalise(YAML.readValue(
                    caseDir.resolve(parts[1] + "_golden.yaml").toFile(), Object.class), defaults, null);
            for (Map.Entry<String, List<String>> e : CRD_DEFAULT_DIFFERENCES.get(c).entrySet()) {
                String[] at = e.getKey().split("/", 2);
                if (e.getValue().equals(List.of(ABSENT))) {
                    assertThat(find(actual, at[0], at[1])).as("%s: listed as absent from ours", e.getKey()).isEmpty();
                    Map<String, Object> kic = entity(expected, at[0], at[1]);
                    ((List<?>) expected.get(at[0])).remove(kic);
                    if (((List<?>) expected.get(at[0])).isEmpty()) expected.remove(at[0]);
                    continue;
                }
                Map<String, Object> ours = entity(actual, at[0], at[1]);
                Map<String, Object> kic = entity(expected, at[0], at[1]);
                for (String field : e.getValue()) {
                    assertThat(ours.get(field)).as("%s %s: listed as differing", e.getKey(), field)
                            .isNotEqualTo(kic.get(field));
                    ours.remove(field);
                    kic.remove(field);
                }
            }
            assertThat(YAML.writeValueAsString(actual)).as("%s with CRD defaults, apart from the listed differences "
                    + "(problems: %s)", c, t.problems()).isEqualTo(YAML.writeValueAsString(expected));
        }));
    }

    private static TranslateOptions harnessOptions(Path caseDir, String goldenName) throws IOException {
        TranslateOptions options = TranslateOptions.defaults()
                .withGateway(new TranslateOptions.GatewayOptions(null, false));
        if (expressionRoutes(caseDir.resolve(goldenName + "_settings.yaml"))) {
            options = options.withTarget(new KongTarget(KongTarget.DEFAULT.version(), RouterFlavor.EXPRESSIONS,
                    KongTarget.DEFAULT.dbless()));
        }
        return options;
    }

    private static Map<String, Object> entity(Map<String, Object> doc, String collection, String name) {
        return find(doc, collection, name)
                .orElseThrow(() -> new AssertionError(collection + "/" + name + " not found in " + doc));
    }

    /** An entity by name; a plugin by {@code <plugin>@<service or route name>}. */
    @SuppressWarnings("unchecked")
    private static java.util.Optional<Map<String, Object>> find(Map<String, Object> doc, String collection,
                                                                String name) {
        List<Map<String, Object>> all = (List<Map<String, Object>>) doc.getOrDefault(collection, List.of());
        return all.stream().filter(e -> name.equals(e.get("name")) || name.equals(e.get("name") + "@"
                + (e.get("service") != null ? e.get("service") : e.get("route")))).findFirst();
    }

    /**
     * {@code in.yaml} with the defaults the Gateway API CRDs give a route's backendRefs ({@code group: ""},
     * {@code kind: Service}, {@code weight: 1}), as the API server stores them.
     */
    @SuppressWarnings("unchecked")
    private static String withBackendRefDefaults(Path inYaml) throws IOException {
        StringBuilder out = new StringBuilder();
        try (var docs = YAML.readerFor(Map.class).<Map<String, Object>>readValues(inYaml.toFile())) {
            while (docs.hasNext()) {
                Map<String, Object> doc = docs.next();
                String kind = String.valueOf(doc.get("kind"));
                if (String.valueOf(doc.get("apiVersion")).startsWith("gateway.networking.k8s.io/")
                        && kind.endsWith("Route") && doc.get("spec") instanceof Map<?, ?> spec
                        && spec.get("rules") instanceof List<?> rules) {
                    for (Object rule : rules) {
                        if (!(rule instanceof Map<?, ?> r) || !(r.get("backendRefs") instanceof List<?> refs)) continue;
                        for (Object ref : refs) {
                            Map<String, Object> b = (Map<String, Object>) ref;
                            b.putIfAbsent("group", "");
                            b.putIfAbsent("kind", "Service");
                            b.putIfAbsent("weight", 1);
                        }
                    }
                }
                out.append(YAML.writeValueAsString(doc));
            }
        }
        return out.toString();
    }

    /** KIC golden cases for the Kong CRDs translated so far. */
    private static final List<String> KONG_CRD_CASES = List.of("credentials", "kongplugin-instance-name", "kongupstreampolicy-ingress");

    @TestFactory
    Stream<DynamicTest> kongCrdCasesMatchKicDefaultGolden() throws IOException {
        Path shared = SharedData.dir();
        Path golden = shared.resolve("kic-golden");
        Map<String, Object> defaults = GoldenNormaliser.loadDefaults(shared.resolve("docs/kong-defaults.json"));
        return KONG_CRD_CASES.stream().map(c -> DynamicTest.dynamicTest(c, () -> check(golden.resolve(c), defaults)));
    }

    /** KIC golden cases of the Gateway API, {@code case/golden}: KIC's harness, no admission (see its README). */
    private static final List<String> GATEWAY_API_CASES = List.of("httproute-example/default",
            "httproute-example/expression-routes-on", "host-header-annotation-httproute/default");

    @TestFactory
    Stream<DynamicTest> gatewayApiCasesMatchKicGoldens() throws IOException {
        Path shared = SharedData.dir();
        Path golden = shared.resolve("kic-golden");
        Map<String, Object> defaults = GoldenNormaliser.loadDefaults(shared.resolve("docs/kong-defaults.json"));
        return GATEWAY_API_CASES.stream().map(c -> DynamicTest.dynamicTest(c, () -> {
            String[] parts = c.split("/");
            TranslateOptions options = TranslateOptions.defaults()
                    .withGateway(new TranslateOptions.GatewayOptions(null, false));
            if (expressionRoutes(golden.resolve(parts[0]).resolve(parts[1] + "_settings.yaml"))) {
                options = options.withTarget(new KongTarget(KongTarget.DEFAULT.version(), RouterFlavor.EXPRESSIONS,
                        KongTarget.DEFAULT.dbless()));
            }
            check(golden.resolve(parts[0]), parts[1], options, defaults);
        }));
    }

    /** {@code feature_flags.ExpressionRoutes: true} in a case's settings file. */
    private static boolean expressionRoutes(Path settings) throws IOException {
        return Files.exists(settings)
                && YAML.readTree(settings.toFile()).path("feature_flags").path("ExpressionRoutes").asBoolean(false);
    }

    private void check(Path caseDir, Map<String, Object> defaults) throws IOException {
        check(caseDir, "default", TranslateOptions.defaults(), defaults);
    }

    private void check(Path caseDir, String goldenName, TranslateOptions options, Map<String, Object> defaults)
            throws IOException {
        Path input = Files.createDirectories(tmp.resolve(caseDir.getFileName().toString() + "-" + goldenName));
        Files.copy(caseDir.resolve("in.yaml"), input.resolve("in.yaml"));
        Manifests manifests = ManifestLoader.loadDirectory(input, "golden");
        assertThat(manifests.problems()).isEmpty();
        Translation t = Translator.translate(manifests, ManifestClusterView.endpoints(manifests), options);
        String ours = DeckWriter.write(t.desired(), DeckWriter.Format.YAML, true);

        Object actual = GoldenNormaliser.normalise(YAML.readValue(ours, Object.class), defaults, options.selectTag());
        Object expected = GoldenNormaliser.normalise(
                YAML.readValue(caseDir.resolve(goldenName + "_golden.yaml").toFile(), Object.class), defaults, null);
        String actualText = YAML.writeValueAsString(actual);
        String expectedText = YAML.writeValueAsString(expected);
        assertThat(actualText).as("normalised render of %s vs KIC %s_golden.yaml (problems: %s)",
                caseDir.getFileName(), goldenName, t.problems()).isEqualTo(expectedText);
    }
}
