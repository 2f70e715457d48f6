package io.konggitops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.konggitops.cli.Main;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The Gateway API conformance extracts in {@code ${kong-gitops.shared}/conformance/gateway-api} (see the README
 * there): for each {@code <Test>.json}, {@code validate --report json --endpoints manifests} on
 * {@code base-manifests.yaml} plus the test's manifest ({@code {GATEWAY_CLASS_NAME}} replaced by a GatewayClass of
 * kong-gitops' controller) must give the route parent and listener conditions its {@code statusAssertions} expect
 * (reason {@code *} = any). The suite compares the parentRef's group, kind, namespace and name (not sectionName); each
 * matching parent must carry our controllerName. Skipped when the folder is missing, unless {@code CI=true}.
 */
class GatewayApiConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLASS_NAME = "kong-gitops-conformance";
    private static final String CONTROLLER = "konghq.com/kic-gateway-controller";

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> statusAssertionsHold() throws IOException {
        Path dir = conformanceDir();
        List<Path> cases;
        try (Stream<Path> files = Files.list(dir)) {
            cases = files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().equals("index.json")).sorted().toList();
        }
        assertThat(cases).as("conformance cases in " + dir).isNotEmpty();
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString().replace(".json", ""),
                () -> check(dir, JSON.readTree(c.toFile()))));
    }

    private static Path conformanceDir() {
        String prop = System.getProperty("kong-gitops.shared", "../shared");
        Path dir = Path.of(prop).resolve("conformance/gateway-api");
        if (!Files.isDirectory(dir)) {
            String why = "Gateway API conformance data not found at " + dir + " (system property kong-gitops.shared)";
            if ("true".equals(System.getenv("CI"))) fail(why);
            Assumptions.abort(why);
        }
        return dir;
    }

    private void check(Path dir, JsonNode test) throws IOException {
        String name = test.path("test").asText();
        Path repo = Files.createDirectories(tmp.resolve(name));
        Files.writeString(repo.resolve("gatewayclass.yaml"), """
                apiVersion: gateway.networking.k8s.io/v1
                kind: GatewayClass
                metadata:
                  name: %s
                spec:
                  controllerName: %s
                """.formatted(CLASS_NAME, CONTROLLER));
        for (JsonNode f : test.path("manifestFiles")) {
            String yaml = Files.readString(dir.resolve(f.asText())).replace("{GATEWAY_CLASS_NAME}", CLASS_NAME);
            Files.writeString(repo.resolve(f.asText()), yaml);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new String[]{"validate", "--repo", repo.toString(), "--endpoints", "manifests",
                        "--report", "json"}, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String stdout = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as("validate exit code; stderr:\n" + err + "\nstdout:\n" + stdout).isZero();
        JsonNode report = JSON.readTree(stdout);
        JsonNode status = report.path("status");
        JsonNode assertions = test.path("statusAssertions");
        List<String> failures = new ArrayList<>();
        for (JsonNode a : assertions.path("routes")) routeAssertion(status, a, failures);
        for (JsonNode a : assertions.path("listeners")) listenerAssertion(status, a, failures);
        assertThat(failures).as(name + ": status\n" + status.toPrettyString()).isEmpty();
    }

    private static void routeAssertion(JsonNode status, JsonNode a, List<String> failures) {
        String[] route = a.path("route").asText().split("/");
        JsonNode want = a.path("parentRef");
        List<JsonNode> parents = new ArrayList<>();
        for (JsonNode r : status.path("routes")) {
            if (!r.path("kind").asText().equals("HTTPRoute") || !r.path("namespace").asText().equals(route[0])
                    || !r.path("name").asText().equals(route[1])) continue;
            for (JsonNode p : r.path("parents")) {
                JsonNode ref = p.path("parentRef");
                if (ref.path("group").asText().equals(want.path("group").asText())
                        && ref.path("kind").asText().equals(want.path("kind").asText())
                        && ref.path("namespace").asText().equals(want.path("namespace").asText())
                        && ref.path("name").asText().equals(want.path("name").asText())) {
                    parents.add(p);
                }
            }
        }
        String what = "route " + a.path("route").asText() + " parent " + want.path("namespace").asText() + "/"
                + want.path("name").asText();
        if (parents.isEmpty()) failures.add(what + ": no status parent");
        for (JsonNode p : parents) {
            if (!p.path("controllerName").asText().equals(CONTROLLER)) {
                failures.add(what + ": controllerName " + p.path("controllerName").asText());
            }
            conditions(what, p.path("conditions"), a.path("conditions"), failures);
        }
    }

    private static void listenerAssertion(JsonNode status, JsonNode a, List<String> failures) {
        String[] gw = a.path("gateway").asText().split("/");
        JsonNode gateway = null;
        for (JsonNode g : status.path("gateways")) {
            if (g.path("namespace").asText().equals(gw[0]) && g.path("name").asText().equals(gw[1])) gateway = g;
        }
        if (gateway == null) {
            failures.add("gateway " + a.path("gateway").asText() + ": no status");
            return;
        }
        assertThat(a.path("listeners").asText()).as("listener selection").isEqualTo("ALL");
        if (gateway.path("listeners").isEmpty()) failures.add("gateway " + a.path("gateway").asText() + ": no listeners");
        for (JsonNode l : gateway.path("listeners")) {
            conditions("listener " + a.path("gateway").asText() + " " + l.path("name").asText(), l.path("conditions"),
                    a.path("conditions"), failures);
        }
    }

    private static void conditions(String what, JsonNode have, JsonNode want, List<String> failures) {
        for (JsonNode w : want) {
            JsonNode found = null;
            for (JsonNode h : have) {
                if (h.path("type").asText().equals(w.path("type").asText())) found = h;
            }
            if (found == null) {
                failures.add(what + ": no condition " + w.path("type").asText());
                continue;
            }
            boolean reasonOk = w.path("reason").asText().equals("*")
                    || w.path("reason").asText().equals(found.path("reason").asText());
            if (!found.path("status").asText().equals(w.path("status").asText()) || !reasonOk) {
                failures.add(what + ": " + w.path("type").asText() + " is " + found.path("status").asText() + "/"
                        + found.path("reason").asText() + " (" + found.path("message").asText() + "), expected "
                        + w.path("status").asText() + "/" + w.path("reason").asText());
            }
        }
    }
}
