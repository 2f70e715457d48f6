package io.konggitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code diff --kong-state FILE}: the README's offline demo, the report formats and secret masking. */
class DiffOfflineTest {
    private static final String STATE = Cli.SAMPLES.resolve("kong-state.yaml").toString();

    private static Cli diff(String... extra) {
        List<String> args = new ArrayList<>(List.of("diff", "--repo", Cli.SAMPLES.toString(), "--endpoints",
                "manifests", "--kong-state", STATE));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void theSampleDriftIsReportedAndExitsTwo() {
        Cli r = diff();
        assertThat(r.exit()).isEqualTo(Main.DRIFT);
        // 12 of the 43 creates are samples/accounts and samples/cluster (Kong CRDs) and 26 are samples/gateway
        // (Gateway API, with the HTTPS listener's certificate and SNI), which the decK state lacks
        assertThat(r.out()).contains("Plan: 43 to create, 2 to update, 3 to delete")
                .contains("+ create plugins correlation-id (global)")
                .contains("+ create plugins rate-limiting on service accounts.accounts.80")
                .contains("+ create keyauth_credentials of consumer demo")
                .contains("~ update routes shop.storefront.web.shop.example.com.80")
                .contains("paths: [\"/\",\"/old-shop\"] -> [\"/\"]")
                .contains("connect_timeout: 60000 -> 5000")
                .contains("- delete services shop.legacy.80")
                .contains("+ create routes platform.fallback")
                .doesNotContain("hand-made");
    }

    @Test
    void aStateEqualToTheRenderedOneIsInSync(@TempDir Path dir) {
        Path state = dir.resolve("kong.yaml");
        Cli render = Cli.run("render", "--repo", Cli.SAMPLES.toString(), "--endpoints", "manifests",
                "--include-secrets", "-o", state.toString());
        assertThat(render.exit()).isZero();
        Cli r = Cli.run("diff", "--repo", Cli.SAMPLES.toString(), "--endpoints", "manifests", "--kong-state",
                state.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Plan: 0 to create, 0 to update, 0 to delete");
    }

    @Test
    void theJsonReportHasTheDocumentedShape(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("report.json");
        Cli r = diff("--report", "json", "--report-file", file.toString());
        assertThat(r.exit()).isEqualTo(Main.DRIFT);
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.get("format_version").asText()).isEqualTo("1.1");
        assertThat(json.get("commit").asText()).isNotBlank();
        assertThat(json.get("kong").get("version").asText()).isEqualTo("3.9.1");
        assertThat(json.get("summary").get("update").asInt()).isEqualTo(2);
        JsonNode route = null;
        for (JsonNode c : json.get("changes")) {
            if (c.get("name").asText().equals("shop.storefront.web.shop.example.com.80")) route = c;
        }
        assertThat(route).isNotNull();
        assertThat(route.get("kind").asText()).isEqualTo("routes");
        assertThat(route.get("action").asText()).isEqualTo("update");
        assertThat(route.get("source").get("file").asText()).isEqualTo("shop/ingress-storefront.yaml");
        assertThat(route.get("fields").get(0).get("path").asText()).isEqualTo("paths");
        assertThat(route.get("fields").get(0).get("after").get(0).asText()).isEqualTo("/");
        assertThat(json.get("applied").isNull()).isTrue();
        assertThat(r.out()).isEqualTo(Files.readString(file));
    }

    @Test
    void theMarkdownReportLeadsWithTheSummaryAndFoldsEachKind() {
        Cli r = diff("--report", "markdown");
        assertThat(r.out()).startsWith("### kong-gitops diff: drift found")
                .contains("**Plan: 43 to create, 2 to update, 3 to delete")
                .contains("| routes |").contains("<details><summary>routes (").contains("```diff");
    }

    @Test
    void aChangedCertificateKeyIsReportedAsChangedWithoutShowingEitherKey(@TempDir Path dir) throws Exception {
        String state = Files.readString(Path.of(STATE));
        String liveKey = Files.readString(Path.of("src/test/resources/tls/rsa8.key")).strip();
        String planted = state.replaceFirst("(?s)-----BEGIN PRIVATE KEY-----.*?-----END PRIVATE KEY-----",
                java.util.regex.Matcher.quoteReplacement(liveKey.replace("\n", "\n    ")));
        Path file = dir.resolve("kong.yaml");
        Files.writeString(file, planted);
        String liveKeyLine = liveKey.lines().skip(3).findFirst().orElseThrow();
        for (String format : List.of("text", "json", "markdown")) {
            Cli r = Cli.run("diff", "--repo", Cli.SAMPLES.toString(), "--endpoints", "manifests", "--kong-state",
                    file.toString(), "--report", format);
            assertThat(r.exit()).isEqualTo(Main.DRIFT);
            assertThat(r.all()).as(format).doesNotContain(liveKeyLine).doesNotContain("PRIVATE KEY");
            if (!format.equals("json")) assertThat(r.out()).contains("(sensitive value changed)");
            else assertThat(r.out()).contains("\"sensitive\" : true");
        }
    }
}
