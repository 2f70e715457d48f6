package io.konggitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.konggitops.testing.kong.KongDouble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real JSON reports, from diff and reconcile runs against the Kong double and from runs that were refused, failed or
 * stopped, are valid against the published schema ({@code report.schema.json}, documented in
 * {@code docs/report-schema.md}), and so is the example in that document.
 */
class ReportSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema schema;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = ReportSchemaTest.class.getResourceAsStream("/io/konggitops/report/report.schema.json")) {
            assertThat(in).as("report.schema.json on the classpath").isNotNull();
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(in));
        }
    }

    private static JsonNode valid(JsonNode report) {
        Set<ValidationMessage> errors = schema.validate(report);
        assertThat(errors).as("schema errors in\n" + report.toPrettyString()).isEmpty();
        return report;
    }

    private Path repo(String... folders) throws Exception {
        Path repo = dir.resolve("repo");
        for (String folder : folders) {
            try (Stream<Path> files = Files.list(Cli.SAMPLES.resolve(folder))) {
                for (Path f : files.toList()) {
                    Files.createDirectories(repo.resolve(folder));
                    Files.copy(f, repo.resolve(folder).resolve(f.getFileName()));
                }
            }
        }
        return repo;
    }

    /** Runs the command with {@code --report json} and returns the report it printed, checked against the schema. */
    private JsonNode report(String kongUrl, Path repo, String command, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of(command, "--repo", repo.toString(), "--endpoints", "manifests",
                "--kong-admin-url", kongUrl, "--report", "json"));
        args.addAll(List.of(extra));
        Cli r = Cli.run(Map.of(), args.toArray(String[]::new));
        assertThat(r.out()).as(r.all()).startsWith("{");
        return valid(JSON.readTree(r.out()));
    }

    @Test
    void diffAndReconcileReportsAgainstTheKongDoubleMatchTheSchema() throws Exception {
        Path repo = repo("shop", "platform");
        try (KongDouble kong = KongDouble.startDefault()) {
            JsonNode drift = report(kong.baseUrl(), repo, "diff");
            assertThat(drift.at("/outcome/status").asText()).isEqualTo("drift");
            assertThat(drift.get("changes").size()).isPositive();

            // a 503 with Retry-After on the first service write: the report lists the retry
            kong.failOn("PUT", "/services", 503, 1, Duration.ZERO);
            JsonNode applied = report(kong.baseUrl(), repo, "reconcile");
            assertThat(applied.at("/outcome/status").asText()).isEqualTo("applied");
            assertThat(applied.at("/applied/verified").asBoolean()).isTrue();
            assertThat(applied.at("/applied/retried").size()).isPositive();

            assertThat(report(kong.baseUrl(), repo, "diff").at("/outcome/status").asText()).isEqualTo("in-sync");
            assertThat(report(kong.baseUrl(), repo, "reconcile").at("/applied/outcome").asText())
                    .isEqualTo("nothing_to_do");

            // a hand edit in Kong: an update with before/after field values
            handEditFirstService(kong);
            JsonNode update = report(kong.baseUrl(), repo, "reconcile", "--dry-run");
            assertThat(update.at("/changes/0/action").asText()).isEqualTo("update");
            assertThat(update.at("/changes/0/fields/0/before").isMissingNode()).isFalse();
        }
    }

    @Test
    void refusedFailedNotConvergedAndStoppedReportsMatchTheSchema() throws Exception {
        Path repo = repo("shop", "platform");
        try (KongDouble kong = KongDouble.startDefault()) {
            report(kong.baseUrl(), repo, "reconcile");
            try (Stream<Path> files = Files.list(repo.resolve("shop"))) {
                for (Path f : files.toList()) Files.delete(f);
            }
            JsonNode refused = report(kong.baseUrl(), repo, "reconcile");
            assertThat(refused.at("/outcome/status").asText()).isEqualTo("refused");
            assertThat(refused.at("/applied/refused/deletions").asInt()).isPositive();

            kong.failNthWrite(1, 400);
            JsonNode failed = report(kong.baseUrl(), repo, "reconcile", "--max-deletions", "100%");
            assertThat(failed.at("/outcome/status").asText()).isEqualTo("failed");
            assertThat(failed.at("/applied/failed/0/status").asInt()).isEqualTo(400);
        }
        try (KongDouble kong = KongDouble.startDefault()) {
            kong.lying(true);
            JsonNode lied = report(kong.baseUrl(), repo, "reconcile");
            assertThat(lied.at("/outcome/status").asText()).isEqualTo("not-converged");
            assertThat(lied.at("/applied/unconverged/0/message").asText()).startsWith("did not converge");
        }
        JsonNode unreachable = report("http://127.0.0.1:1", repo, "diff");
        assertThat(unreachable.at("/outcome/status").asText()).isEqualTo("error");
        assertThat(unreachable.get("summary").isNull()).isTrue();

        Files.writeString(repo.resolve("platform/broken.yaml"), "kind: Ingress\nmetadata: [\n");
        try (KongDouble kong = KongDouble.startDefault()) {
            JsonNode stopped = report(kong.baseUrl(), repo, "reconcile");
            assertThat(stopped.at("/outcome/status").asText()).isEqualTo("refused");
            assertThat(stopped.at("/problems/0/severity").asText()).isEqualTo("error");
        }
    }

    @Test
    void validateAndDiffReportsCarryTheGatewayApiStatusInTheSchemaShape() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("gateway"));
        Files.writeString(repo.resolve("gateway.yaml"), """
                apiVersion: gateway.networking.k8s.io/v1
                kind: GatewayClass
                metadata:
                  name: kong
                spec:
                  controllerName: konghq.com/kic-gateway-controller
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: Gateway
                metadata:
                  name: kong
                  namespace: infra
                spec:
                  gatewayClassName: kong
                  listeners:
                  - name: http
                    port: 80
                    protocol: HTTP
                    allowedRoutes:
                      namespaces:
                        from: All
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata:
                  name: cart
                  namespace: shop
                spec:
                  parentRefs:
                  - name: kong
                    namespace: infra
                    sectionName: http
                  rules:
                  - backendRefs:
                    - name: cart
                      port: 80
                """);
        Cli v = Cli.run(Map.of(), "validate", "--repo", repo.toString(), "--endpoints", "manifests", "--report",
                "json");
        JsonNode validate = valid(JSON.readTree(v.out()));
        assertThat(validate.get("command").asText()).isEqualTo("validate");
        assertThat(validate.at("/status/gateways/0/listeners/0/attachedRoutes").asInt()).isEqualTo(1);
        JsonNode parent = validate.at("/status/routes/0/parents/0");
        assertThat(parent.at("/parentRef/sectionName").asText()).isEqualTo("http");
        assertThat(parent.at("/parentRef/port").isNull()).isTrue();
        assertThat(parent.get("controllerName").asText()).isEqualTo("konghq.com/kic-gateway-controller");
        assertThat(parent.at("/conditions/1/reason").asText()).isEqualTo("BackendNotFound");

        Path state = Files.writeString(dir.resolve("kong.yaml"), "_format_version: \"3.0\"\n");
        Cli d = Cli.run(Map.of(), "diff", "--repo", repo.toString(), "--endpoints", "manifests", "--kong-state",
                state.toString(), "--report", "json");
        JsonNode diff = valid(JSON.readTree(d.out()));
        assertThat(diff.at("/status/routes/0/parents/0/conditions/0/reason").asText()).isEqualTo("Accepted");
    }

    @Test
    void theExampleInTheDocumentMatchesTheSchema() throws Exception {
        String doc = Files.readString(Path.of("docs/report-schema.md"));
        Matcher m = Pattern.compile("(?s)<!-- example -->\\s*```json\\n(.*?)```").matcher(doc);
        assertThat(m.find()).as("docs/report-schema.md has a ```json example after <!-- example -->").isTrue();
        JsonNode example = valid(JSON.readTree(m.group(1)));
        assertThat(example.get("format_version").asText()).isEqualTo("1.1");
    }

    @Test
    void theSchemaRejectsAReportWithAnUnknownStatusOrAMissingField() throws Exception {
        String doc = Files.readString(Path.of("docs/report-schema.md"));
        Matcher m = Pattern.compile("(?s)<!-- example -->\\s*```json\\n(.*?)```").matcher(doc);
        assertThat(m.find()).isTrue();
        var badStatus = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(m.group(1));
        ((com.fasterxml.jackson.databind.node.ObjectNode) badStatus.get("outcome")).put("status", "ok");
        assertThat(schema.validate(badStatus)).isNotEmpty();
        var noChanges = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(m.group(1));
        noChanges.remove("changes");
        assertThat(schema.validate(noChanges)).isNotEmpty();
    }

    private static void handEditFirstService(KongDouble kong) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        JsonNode services = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(kong.baseUrl() + "/services"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        String id = services.at("/data/0/id").asText();
        HttpResponse<String> patched = http.send(HttpRequest.newBuilder(URI.create(kong.baseUrl() + "/services/" + id))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"retries\": 1}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
    }
}
