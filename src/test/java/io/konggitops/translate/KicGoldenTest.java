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
