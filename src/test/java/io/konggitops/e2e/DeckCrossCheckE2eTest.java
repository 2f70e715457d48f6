package io.konggitops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * decK as an independent reader: after a reconcile of the samples, {@code deck dump --select-tag} (Debian's decK
 * 1.4.0) finds every managed entity with the values the double holds. decK 1.4 predates Kong 3: the fields it does
 * not know are listed (see docs/deck-1.4.md). Skipped when {@code deck} is not on PATH, failed when {@code CI=true}.
 */
class DeckCrossCheckE2eTest {
    @TempDir
    Path tmp;
    private Path deck;

    @BeforeEach
    void findDeck() {
        for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(p, "deck");
            if (Files.isExecutable(candidate)) {
                deck = candidate;
                return;
            }
        }
        if ("true".equals(System.getenv("CI"))) fail("deck is not on PATH (.ci/run installs Debian's deck package)");
        assumeTrue(false, "deck is not on PATH");
    }

    @Test
    void deckDumpFindsEveryEntityTheReconcileCreatedWithTheSameFields() throws Exception {
        try (E2eFixture f = new E2eFixture(tmp).copySamples("shop", "platform")) {
            f.repo.commit("samples");
            f.kong.seed("services", "{\"name\":\"not-ours\",\"host\":\"example.com\"}");
            E2eFixture.Run run = f.reconcile();
            assertThat(run.exit()).as(run.toString()).isZero();

            JsonNode dump = dump(f);

            assertThat(dump.at("/_info/select_tags/0").asText()).isEqualTo(E2eFixture.TAG);
            List<String> dropped = new ArrayList<>();
            Map<String, List<JsonNode>> found = Map.of(
                    "services", list(dump.get("services")),
                    "routes", children(dump.get("services"), "routes"),
                    "upstreams", list(dump.get("upstreams")),
                    "targets", children(dump.get("upstreams"), "targets"),
                    "certificates", list(dump.get("certificates")),
                    "snis", children(dump.get("certificates"), "snis"));
            for (var kind : found.entrySet()) {
                List<ObjectNode> stored = f.all(kind.getKey()).stream()
                        .filter(e -> SamplesSyncE2eTest.tags(e).contains(E2eFixture.TAG)).toList();
                assertThat(kind.getValue()).as(kind.getKey()).hasSameSizeAs(stored);
                for (ObjectNode live : stored) {
                    JsonNode dumped = kind.getValue().stream()
                            .filter(d -> d.path("id").asText().equals(live.get("id").asText())).findFirst()
                            .orElseThrow(() -> new AssertionError("decK did not dump " + kind.getKey() + " " + live));
                    compare(kind.getKey(), dumped, E2eFixture.JSON.readTree(live.toString()), dropped);
                }
            }
            assertThat(dump.toString()).doesNotContain("not-ours");
            assertThat(dump.get("plugins")).isNull();
            // what decK 1.4 leaves out: foreign keys (implied by nesting), created/updated_at, nulls, and the
            // fields go-kong 0.15 does not know (Kong 2.x/3.x additions)
            assertThat(new TreeSet<>(dropped)).containsExactly("routes.service",
                    "services.enabled", "snis.certificate", "targets.upstream", "upstreams.use_srv_name");
        }
    }

    private JsonNode dump(E2eFixture f) throws Exception {
        Path out = tmp.resolve("dump.json");
        List<String> cmd = List.of(deck.toString(), "dump", "--kong-addr", f.kong.baseUrl(), "--select-tag",
                E2eFixture.TAG, "--with-id", "--format", "json", "-o", out.toString(), "--no-color");
        Process p = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("deck.log").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("deck did not finish: " + cmd);
        }
        String log = Files.readString(tmp.resolve("deck.log"), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(log).isZero();
        return E2eFixture.JSON.readTree(out.toFile());
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        if (array != null) array.forEach(out::add);
        return out;
    }

    private static List<JsonNode> children(JsonNode parents, String field) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : list(parents)) out.addAll(list(p.get(field)));
        return out;
    }

    /** Every field decK wrote equals the live value; live fields decK left out (non-null) go to {@code dropped}. */
    private static void compare(String path, JsonNode dumped, JsonNode live, List<String> dropped) {
        if (live.has("tags")) {
            // decK moves the select tag to _info.select_tags and strips it from every entity (empty tags: omitted)
            ArrayNode withoutSelectTag = E2eFixture.JSON.createArrayNode();
            live.get("tags").forEach(t -> {
                if (!t.asText().equals(E2eFixture.TAG)) withoutSelectTag.add(t);
            });
            live = ((ObjectNode) live.deepCopy()).set("tags",
                    withoutSelectTag.isEmpty() ? NullNode.getInstance() : withoutSelectTag);
        }
        JsonNode liveWithoutSelectTag = live;
        dumped.fields().forEachRemaining(e -> {
            JsonNode value = e.getValue();
            if (value.isArray() && value.size() > 0 && value.get(0).isObject()) return; // nested children
            JsonNode expected = liveWithoutSelectTag.get(e.getKey());
            if (value.isObject() && expected != null && expected.isObject()) {
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
}
