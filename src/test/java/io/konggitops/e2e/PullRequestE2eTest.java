package io.konggitops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code diff --base-ref}: what a pull request changes, from a real Git repository with two commits, without a Kong
 * and with the Kong double (the PR's changes apart from the drift in Kong).
 */
class PullRequestE2eTest {
    @TempDir
    Path tmp;

    /** A PR on the shop sample: the api service's retries 3 → 5, and the orders Ingress removed. */
    private static String[] basePr(E2eFixture f) {
        f.copySamples("shop");
        String base = f.repo.commit("shop");
        f.repo.write("shop/services.yaml", KongHands.readSample("shop/services.yaml")
                .replace("konghq.com/retries: \"3\"", "konghq.com/retries: \"5\""));
        f.repo.delete("shop/ingress-orders.yaml");
        String head = f.repo.commit("pr: api retries, drop the orders ingress");
        return new String[] {base, head};
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static List<String> lines(JsonNode changes) {
        List<String> out = new ArrayList<>();
        for (JsonNode c : changes) out.add(c.path("action").asText() + " " + c.path("kind").asText() + " "
                + c.path("name").asText());
        return out.stream().sorted().toList();
    }

    @Test
    void baseRefListsExactlyThePullRequestsChangesWithoutAnyKong() {
        try (E2eFixture f = new E2eFixture(tmp)) {
            String[] c = basePr(f);
            E2eFixture.Run run = E2eFixture.runMain(List.of("diff", "--repo", f.repoUrl(), "--endpoints",
                    "manifests", "--base-ref", c[0], "--report", "json"), f.env);

            assertThat(run.exit()).as(run.toString()).isEqualTo(2);
            assertThat(f.kong.stats().log()).as("no Kong involved").isEmpty();
            JsonNode json = run.json();
            assertThat(json.at("/pr/base").asText()).isEqualTo(c[0]);
            assertThat(json.at("/pr/head").asText()).isEqualTo(c[1]);
            assertThat(json.at("/commit").asText()).isEqualTo(c[1]);
            assertThat(json.get("kong_drift").isNull()).isTrue();
            List<JsonNode> changes = list(json.get("changes"));
            assertThat(json.at("/pr/changes")).isEqualTo(json.get("changes"));
            assertThat(changes).allSatisfy(ch -> assertThat(ch.path("cause").asText()).isEqualTo("git"));
            // the update: the api service, at its manifest in the head
            List<JsonNode> updates = changes.stream().filter(ch -> ch.path("action").asText().equals("update"))
                    .toList();
            assertThat(updates).singleElement().satisfies(u -> {
                assertThat(u.path("kind").asText()).isEqualTo("services");
                assertThat(u.path("name").asText()).contains("api");
                // a KIC service is named after the Ingress backend that makes it: its manifest, at the head
                assertThat(u.at("/source/file").asText()).isEqualTo("shop/ingress-storefront.yaml");
                assertThat(u.at("/source/line").asInt()).isPositive();
                assertThat(u.at("/fields/0/path").asText()).isEqualTo("retries");
                assertThat(u.at("/fields/0/before").asInt()).isEqualTo(3);
                assertThat(u.at("/fields/0/after").asInt()).isEqualTo(5);
            });
            assertThat(changes).noneMatch(ch -> ch.path("action").asText().equals("create"));
            // the deletes: what the orders ingress made, each at its manifest in the base
            List<JsonNode> deletes = changes.stream().filter(ch -> ch.path("action").asText().equals("delete"))
                    .toList();
            assertThat(deletes).isNotEmpty().anyMatch(d -> d.path("kind").asText().equals("routes"));
            assertThat(deletes).allSatisfy(d -> assertThat(d.at("/source/file").asText()).isNotEmpty());
            assertThat(deletes).filteredOn(d -> d.path("kind").asText().equals("routes"))
                    .allSatisfy(d -> assertThat(d.at("/source/file").asText()).isEqualTo("shop/ingress-orders.yaml"));

            E2eFixture.Run same = E2eFixture.runMain(List.of("diff", "--repo", f.repoUrl(), "--endpoints",
                    "manifests", "--base-ref", c[1], "--report", "json"), f.env);
            assertThat(same.exit()).as("a PR that changes nothing: " + same).isZero();
            assertThat(same.json().get("changes")).isEmpty();
        }
    }

    @Test
    void aLocalWorkTreeIsTheHeadAndItsHistoryTheBase() {
        try (E2eFixture f = new E2eFixture(tmp)) {
            String[] c = basePr(f);
            E2eFixture.Run run = E2eFixture.runMain(List.of("diff", "--repo", f.repo.dir().toString(),
                    "--endpoints", "manifests", "--base-ref", c[0]), f.env);
            assertThat(run.exit()).as(run.toString()).isEqualTo(2);
            assertThat(run.out()).contains("This PR (base " + c[0].substring(0, 12) + " → head "
                    + c[1].substring(0, 12) + ")").contains("(cause: git)").contains("retries: 3 -> 5");

            E2eFixture.Run unknown = E2eFixture.runMain(List.of("diff", "--repo", f.repo.dir().toString(),
                    "--endpoints", "manifests", "--base-ref", "no-such-branch"), f.env);
            assertThat(unknown.exit()).as(unknown.toString()).isEqualTo(1);
            assertThat(unknown.err()).contains("--base-ref no-such-branch not found");
        }
    }

    @Test
    void withAKongThePullRequestsChangesAndTheDriftInKongAreSeparated() {
        try (E2eFixture f = new E2eFixture(tmp)) {
            String[] c = basePr(f);
            E2eFixture.Run applied = f.reconcile("--ref", c[0]);
            assertThat(applied.exit()).as(applied.toString()).isZero();
            // someone edits an entity the PR does not touch, by hand in Kong
            KongHands.patch(f, "services", KongHands.serviceId(f, "shop.web"), "{\"retries\":9}");
            // with no drift, a plain diff of the head against Kong would list exactly the PR's changes
            E2eFixture.Run plain = f.diff("--report", "json");

            E2eFixture.Run run = f.diff("--base-ref", c[0], "--report", "json");

            assertThat(run.exit()).as(run.toString()).isEqualTo(2);
            JsonNode json = run.json();
            assertThat(json.at("/kong/version").asText()).isNotEmpty();
            List<String> pr = lines(json.at("/pr/changes"));
            List<String> drift = lines(json.at("/kong_drift/changes"));
            assertThat(drift).singleElement().satisfies(d -> assertThat(d).startsWith("update services shop.web"));
            assertThat(json.at("/kong_drift/changes/0/cause").asText()).isEqualTo("kong");
            assertThat(list(json.at("/pr/changes"))).allMatch(ch -> ch.path("cause").asText().equals("git"));
            List<String> plainLines = new ArrayList<>(lines(plain.json().get("changes")));
            plainLines.removeAll(drift);
            assertThat(pr).isEqualTo(plainLines.stream().sorted().toList());

            E2eFixture.Run text = f.diff("--base-ref", c[0]);
            assertThat(text.out()).contains("This PR (base ").contains("Drift in Kong, not from this PR")
                    .contains("(cause: kong)");
            assertThat(text.out().indexOf("Drift in Kong")).isGreaterThan(text.out().indexOf("This PR ("));
            E2eFixture.Run md = f.diff("--base-ref", c[0], "--report", "markdown");
            assertThat(md.out()).contains("#### This PR (base ").contains("#### Drift in Kong, not from this PR")
                    .contains("cause: kong").contains("cause: git");
        }
    }
}
