package io.konggitops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every change says where it came from, by the applied tag each write leaves: a change made in Git is {@code git},
 * a hand edit in Kong is {@code kong}, both on one entity are {@code both}; in the text, Markdown and JSON reports.
 */
class DriftAttributionE2eTest {
    private static final String APPLIED = "kong-gitops-applied:";

    @TempDir
    Path tmp;

    private static E2eFixture.Run moveBothSides(E2eFixture f) {
        f.copySamples("shop");
        f.repo.commit("shop");
        E2eFixture.Run applied = f.reconcile();
        assertThat(applied.exit()).as(applied.toString()).isZero();
        // git: api retries; both: orders connect timeout in Git and, differently, in Kong; kong: web retries by hand
        f.repo.write("shop/services.yaml", KongHands.readSample("shop/services.yaml")
                .replace("konghq.com/retries: \"3\"", "konghq.com/retries: \"5\"")
                .replace("konghq.com/connect-timeout: \"5000\"", "konghq.com/connect-timeout: \"6000\""));
        f.repo.commit("api retries, orders timeout");
        KongHands.patch(f, "services", KongHands.serviceId(f, "shop.web"), "{\"retries\":9}");
        KongHands.patch(f, "services", KongHands.serviceId(f, "shop.orders"), "{\"connect_timeout\":1000}");
        return applied;
    }

    private static String line(String report, String needle) {
        return report.lines().filter(l -> l.contains(needle)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + needle + " in\n" + report));
    }

    @Test
    void aGitChangeIsGitAHandEditIsKongAndBothTogetherAreBothInEveryReportFormat() {
        try (E2eFixture f = new E2eFixture(tmp)) {
            moveBothSides(f);

            E2eFixture.Run json = f.diff("--report", "json");
            assertThat(json.exit()).as(json.toString()).isEqualTo(2);
            Map<String, String> causes = new LinkedHashMap<>();
            for (JsonNode c : json.json().get("changes")) {
                causes.put(c.path("action").asText() + " " + c.path("kind").asText() + " "
                        + c.path("name").asText().replaceAll("^(shop\\.[a-z]+).*", "$1"), c.path("cause").asText());
            }
            assertThat(causes).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "update services shop.api", "git",
                    "update services shop.web", "kong",
                    "update services shop.orders", "both"));

            String text = f.diff().out();
            assertThat(line(text, "services shop.api")).endsWith("(cause: git)");
            assertThat(line(text, "services shop.web")).endsWith("(cause: kong)");
            assertThat(line(text, "services shop.orders")).endsWith("(cause: both)");

            String md = f.diff("--report", "markdown").out();
            assertThat(line(md, "services shop.api")).endsWith("cause: git");
            assertThat(line(md, "services shop.web")).endsWith("cause: kong");
            assertThat(line(md, "services shop.orders")).endsWith("cause: both");
        }
    }

    @Test
    void everyWriteCarriesOneAppliedTagThatNeverMakesDriftAndRenderHasNone() {
        try (E2eFixture f = new E2eFixture(tmp)) {
            moveBothSides(f);
            int before = f.kong.writes().size();
            E2eFixture.Run again = f.reconcile("--report", "json");
            assertThat(again.exit()).as(again.toString()).isZero();
            assertThat(f.kong.writes().size() - before).as("one write per change, the tag in the same write")
                    .isEqualTo(3);
            for (String kind : new String[] {"services", "routes", "upstreams", "targets"}) {
                assertThat(f.all(kind)).allSatisfy(e -> assertThat(e.get("tags").toString().split(APPLIED, -1))
                        .as(kind + " " + e).hasSize(2));
            }
            assertThat(f.diff().exit()).as("in sync after the apply: the tag itself is no drift").isZero();
            // a hand edit of the tags only (the applied tag removed) is not drift either
            String web = KongHands.serviceId(f, "shop.web");
            com.fasterxml.jackson.databind.node.ArrayNode kept = E2eFixture.JSON.createArrayNode();
            f.kong.store().get("services", web).get("tags").forEach(t -> {
                if (!t.asText().startsWith(APPLIED)) kept.add(t);
            });
            KongHands.patch(f, "services", web, "{\"tags\":" + kept + "}");
            assertThat(f.diff().exit()).isZero();
            // ...but a later change to that entity can no longer be attributed
            KongHands.patch(f, "services", web, "{\"retries\":1}");
            E2eFixture.Run unknown = f.diff("--report", "json");
            assertThat(unknown.json().at("/changes/0/cause").asText()).isEqualTo("unknown");

            E2eFixture.Run render = f.cli("render");
            assertThat(render.exit()).as(render.toString()).isZero();
            assertThat(render.out()).doesNotContain(APPLIED);
        }
    }
}
