package io.konggitops.testing.kong;

import static io.konggitops.testing.kong.KongDoubleTestJson.*;
import static io.konggitops.testing.kong.AdminHttp.j;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs Debian's decK 1.4.0 against the double: what an independent, real Admin API client reads back must match
 * what the double holds. Skipped when {@code deck} is not on PATH, except under {@code CI=true}.
 */
class DeckCompatibilityTest {
    @TempDir
    Path dir;
    private KongDouble kong;
    private Path deck;

    @BeforeEach
    void start() throws Exception {
        deck = findDeck();
        kong = KongDouble.startDefault();
    }

    @AfterEach
    void stop() {
        if (kong != null) kong.close();
    }

    private static Path findDeck() {
        for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(p, "deck");
            if (Files.isExecutable(candidate)) return candidate;
        }
        if ("true".equals(System.getenv("CI"))) fail("deck is not on PATH (CI installs Debian's deck package)");
        assumeTrue(false, "deck is not on PATH");
        return null;
    }

    private record Run(int exit, String output) {
    }

    private Run deck(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(deck.toString()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--kong-addr", kong.baseUrl(), "--no-color"));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("deck.log").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("deck did not finish: " + cmd);
        }
        return new Run(p.exitValue(), Files.readString(dir.resolve("deck.log"), StandardCharsets.UTF_8));
    }

    private JsonNode dump() throws Exception {
        Path out = dir.resolve("dump.json");
        Run run = deck("dump", "--with-id", "--format", "json", "-o", out.toString());
        assertThat(run.exit()).as(run.output()).isZero();
        return KongDouble.JSON.readTree(out.toFile());
    }

    private void seed() {
        ObjectNode svc = kong.seed("services", j("{'name':'svc1','host':'example.com','path':'/api','tags':['team-a']}"));
        String svcId = svc.get("id").asText();
        ObjectNode route = kong.seed("routes", j("{'name':'r1','paths':['/a'],'methods':['GET'],'service':{'id':'"
                + svcId + "'},'tags':['team-a']}"));
        kong.seed("plugins", j("{'name':'cors','route':{'id':'" + route.get("id").asText() + "'},"
                + "'config':{'origins':['https://x.example.com']}}"));
        kong.seed("plugins", j("{'name':'correlation-id'}"));
        ObjectNode up = kong.seed("upstreams", j("{'name':'up1','healthchecks':{'active':{'timeout':3}}}"));
        kong.seed("targets", j("{'target':'10.0.0.1','weight':50,'upstream':{'id':'" + up.get("id").asText() + "'}}"));
        ObjectNode consumer = kong.seed("consumers", j("{'username':'alice','custom_id':'a-1'}"));
        kong.seed("keyauth_credentials", j("{'key':'k-alice','consumer':{'id':'" + consumer.get("id").asText() + "'}}"));
        ObjectNode cert = kong.seed("certificates", j("{'cert':'" + CERT + "','key':'" + KEY + "'}"));
        kong.seed("snis", j("{'name':'a.example.com','certificate':{'id':'" + cert.get("id").asText() + "'}}"));
        kong.seed("ca_certificates", j("{'cert':'" + CA + "'}"));
    }

    /**
     * Every field decK wrote must equal the double's value; live fields decK left out are collected in
     * {@code dropped} (nulls excepted: go-kong omits empty values).
     */
    private void assertReadBack(String entity, JsonNode dumped, List<String> dropped) {
        ObjectNode stored = kong.store().get(entity, dumped.get("id").asText());
        assertThat(stored).as(entity + " " + dumped.get("id")).isNotNull();
        JsonNode live = KongDoubleTestJson.parse(stored.toString()); // same number node types as the dump
        compare(entity, dumped, live, dropped);
    }

    private static void compare(String path, JsonNode dumped, JsonNode live, List<String> dropped) {
        dumped.fields().forEachRemaining(e -> {
            JsonNode value = e.getValue();
            if (value.isArray() && value.size() > 0 && value.get(0).isObject()) return; // nested children
            JsonNode expected = live.get(e.getKey());
            if (expected != null && expected.isObject() && expected.has("id") && value.isTextual()) {
                expected = expected.get("id"); // decK writes references as a bare id or name
            }
            if (value.isObject() && expected != null && expected.isObject() && !expected.has("id")) {
                compare(path + "." + e.getKey(), value, expected, dropped);
            } else {
                assertThat(value).as(path + "." + e.getKey()).isEqualTo(expected);
            }
        });
        live.fields().forEachRemaining(e -> {
            boolean ignored = e.getValue().isNull() || List.of("created_at", "updated_at").contains(e.getKey());
            if (!dumped.has(e.getKey()) && !ignored) dropped.add(path + "." + e.getKey());
        });
    }

    @Test
    void deckDumpReadsEveryEntityBackWithTheSameValues() throws Exception {
        seed();

        JsonNode file = dump();

        List<String> dropped = new ArrayList<>();
        JsonNode svc = file.at("/services/0");
        assertReadBack("services", svc, dropped);
        assertReadBack("routes", svc.at("/routes/0"), dropped);
        assertReadBack("plugins", svc.at("/routes/0/plugins/0"), dropped);
        assertReadBack("plugins", file.at("/plugins/0"), dropped);
        JsonNode up = file.at("/upstreams/0");
        assertReadBack("upstreams", up, dropped);
        assertReadBack("targets", up.at("/targets/0"), dropped);
        JsonNode consumer = file.at("/consumers/0");
        assertReadBack("consumers", consumer, dropped);
        assertReadBack("keyauth_credentials", consumer.at("/keyauth_credentials/0"), dropped);
        assertReadBack("certificates", file.at("/certificates/0"), dropped);
        assertReadBack("ca_certificates", file.at("/ca_certificates/0"), dropped);
        assertThat(file.at("/certificates/0/snis/0/name").asText()).isEqualTo("a.example.com");
        assertThat(file.at("/services").size()).isEqualTo(1);
        assertThat(svc.at("/routes/0/plugins/0/config/origins/0").asText()).isEqualTo("https://x.example.com");
        assertThat(up.at("/targets/0/target").asText()).isEqualTo("10.0.0.1:8000");
        // foreign keys are implied by nesting; nulls are omitted; the rest are fields go-kong 0.15 does not know
        assertThat(dropped).containsExactlyInAnyOrder("services.enabled", "upstreams.use_srv_name",
                "ca_certificates.cert_digest", "routes.service", "plugins.route", "targets.upstream",
                "keyauth_credentials.consumer");
        assertThat(kong.stats().count("GET", "/services")).isEqualTo(1);
        // every list decK reads exists, except the Enterprise-only mTLS credentials (decK treats 404 as empty)
        assertThat(kong.stats().log()).allSatisfy(r -> assertThat(r.status()).as(r.path())
                .isEqualTo(r.path().equals("/mtls-auths") ? 404 : 200));
    }

    @Test
    void deckFollowsOffsetsAcrossPagesOfAThousand() throws Exception {
        for (int i = 0; i < 1005; i++) kong.seed("consumers", Map.of("username", "user-" + i));

        JsonNode file = dump();

        assertThat(file.at("/consumers").size()).isEqualTo(1005);
        assertThat(kong.stats().count("GET", "/consumers")).isEqualTo(2);
    }

    @Test
    void deckDiffOfItsOwnDumpFindsNoDrift() throws Exception {
        seed();
        dump();

        Run diff = deck("diff", "-s", dir.resolve("dump.json").toString(), "--non-zero-exit-code");

        assertThat(diff.exit()).as(diff.output()).isZero();
        assertThat(kong.stats().writes()).isZero();
    }

    private static final String DECK_FILE = """
            _format_version: "1.1"
            services:
            - name: svc1
              host: example.com
              retries: 3
              routes:
              - name: r1
                paths: [/a]
                plugins:
                - name: cors
                  config:
                    origins: [https://x.example.com]
            upstreams:
            - name: up1
              targets:
              - target: 10.0.0.1:80
            consumers:
            - username: alice
            certificates:
            - id: 6f1a3f0e-5b8a-4c43-9d5a-0a1b2c3d4e5f
              cert: "CERT_PEM"
              key: "KEY_PEM"
              snis:
              - name: a.example.com
            """.replace("CERT_PEM", CERT).replace("KEY_PEM", KEY);

    @Test
    void deckSyncWritesThroughTheDoubleAndThenShowsTheKnownKong3FalseDrift() throws Exception {
        Path file = dir.resolve("kong.yaml");
        Files.writeString(file, DECK_FILE);

        Run sync = deck("sync", "-s", file.toString());
        Run diff = deck("diff", "-s", file.toString(), "--non-zero-exit-code");

        assertThat(sync.exit()).as(sync.output()).isZero();
        // kong-admin-api.md section 5.3: decK 1.4's static defaults miss Kong 3's, so filled fields look "removed"
        assertThat(diff.exit()).as(diff.output()).isEqualTo(2);
        assertThat(diff.output()).contains("updating upstream up1", "updating route r1", "updating plugin cors",
                "-  \"algorithm\": \"round-robin\"", "-      \"https_verify_certificate\": true",
                "-  \"path_handling\": \"v0\"", "-  \"enabled\": true");
        assertThat(diff.output()).doesNotContain("updating service", "updating consumer", "updating certificate",
                "target");
        assertThat(kong.store().find("services", "name", "svc1").get("retries").asInt()).isEqualTo(3);
        JsonNode route = kong.store().find("routes", "name", "r1");
        assertThat(route.get("strip_path").asBoolean()).as("decK 1.4 sends its own (wrong) default").isFalse();
        assertThat(kong.store().all("targets").get(0).get("target").asText()).isEqualTo("10.0.0.1:80");
        assertThat(kong.store().all("plugins").get(0).at("/config/max_age").isNull()).isTrue();
        assertThat(kong.store().get("certificates", "6f1a3f0e-5b8a-4c43-9d5a-0a1b2c3d4e5f").get("snis").toString())
                .isEqualTo("[\"a.example.com\"]");
        assertThat(kong.stats().count("PUT", "/services/")).isEqualTo(1);
        assertThat(kong.stats().count("POST", "/upstreams/")).as("targets are POSTed").isEqualTo(1);
    }

    @Test
    void deckSeesDriftMadeBehindItsBackAndRepairsIt() throws Exception {
        Path file = dir.resolve("kong.yaml");
        Files.writeString(file, DECK_FILE);
        assertThat(deck("sync", "-s", file.toString()).exit()).isZero();
        new AdminHttp(kong).patch("/services/svc1", "{\"retries\":9}");

        Run diff = deck("diff", "-s", file.toString(), "--non-zero-exit-code");
        Run sync = deck("sync", "-s", file.toString());

        assertThat(diff.output()).contains("updating service svc1", "-  \"retries\": 9", "+  \"retries\": 3");
        assertThat(sync.exit()).as(sync.output()).isZero();
        assertThat(kong.store().find("services", "name", "svc1").get("retries").asInt()).isEqualTo(3);
    }
}
