package io.konggitops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Entities without the select tag belong to someone else: never read into the plan, changed or deleted. */
class OwnershipE2eTest {
    @TempDir
    Path tmp;

    @Test
    void entitiesWithoutTheSelectTagAreNeverPlannedChangedOrDeleted() {
        try (E2eFixture f = new E2eFixture(tmp).copySamples("shop", "platform")) {
            f.repo.commit("samples");
            ObjectNode service = f.kong.seed("services",
                    "{\"name\":\"legacy-billing\",\"host\":\"billing.internal\",\"tags\":[\"team-billing\"]}");
            ObjectNode route = f.kong.seed("routes", "{\"name\":\"legacy-billing-route\",\"paths\":[\"/billing\"],"
                    + "\"service\":{\"id\":\"" + service.get("id").asText() + "\"}}");

            E2eFixture.Run first = f.reconcile("--report", "json");
            assertThat(first.exit()).as(first.toString()).isZero();
            assertThat(first.out()).doesNotContain("legacy-billing");
            assertThat(first.json().at("/summary/delete").asInt()).isZero();
            assertThat(first.json().at("/summary/create").asInt()).isEqualTo(21);

            // Git no longer has the platform objects: ours are deleted, the hand-made ones stay untouched
            f.repo.delete("platform/ingress-fallback.yaml").delete("platform/services.yaml")
                    .delete("platform/endpointslices.yaml");
            f.repo.commit("platform is gone");
            E2eFixture.Run second = f.reconcile("--report", "json");
            assertThat(second.exit()).as(second.toString()).isZero();
            assertThat(second.out()).doesNotContain("legacy-billing");
            assertThat(second.json().at("/summary/delete").asInt()).isEqualTo(4);

            assertThat(f.kong.store().get("services", service.get("id").asText())).isEqualTo(service);
            assertThat(f.kong.store().get("routes", route.get("id").asText())).isEqualTo(route);
            assertThat(f.kong.stats().log()).noneMatch(r -> r.isWrite()
                    && (r.path().contains(service.get("id").asText()) || r.path().contains(route.get("id").asText())));

            E2eFixture.Run diff = f.diff();
            assertThat(diff.exit()).as(diff.toString()).isZero();
        }
    }

    @Test
    void aHandMadeEntityWithTheNameOfADesiredOneIsNotTakenOverAndTheRunFailsNamingIt() {
        try (E2eFixture f = new E2eFixture(tmp).copySamples("platform")) {
            f.repo.commit("platform");
            ObjectNode squatter = f.kong.seed("services",
                    "{\"name\":\"platform.not-found.80\",\"host\":\"hand.made\",\"tags\":[\"team-platform\"]}");

            E2eFixture.Run run = f.reconcile();
            assertThat(run.exit()).as(run.toString()).isEqualTo(1);
            assertThat(run.all()).contains("platform.not-found.80").contains("409")
                    .containsIgnoringCase("unique")
                    .contains("FAILED create services platform.not-found.80")
                    .contains("does not carry the select tag").contains("not taken over");
            JsonNode after = f.kong.store().get("services", squatter.get("id").asText());
            assertThat(after).isEqualTo(squatter);
            assertThat(f.kong.store().count("services")).isEqualTo(1);
            assertThat(f.kong.stats().log()).noneMatch(r -> r.isWrite()
                    && r.path().contains(squatter.get("id").asText()));

            E2eFixture.Run diff = f.diff();
            assertThat(diff.exit()).as("the conflict is still there, so still drift").isEqualTo(2);
            assertThat(f.kong.store().get("services", squatter.get("id").asText())).isEqualTo(squatter);
        }
    }
}
