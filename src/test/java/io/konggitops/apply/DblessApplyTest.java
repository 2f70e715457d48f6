package io.konggitops.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.konggitops.diff.Plan;
import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongState;
import io.konggitops.testing.kong.DoubleAdmin;
import io.konggitops.testing.kong.KongDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.konggitops.apply.KongFixtures.*;
import static io.konggitops.diff.Fixtures.entity;
import static io.konggitops.diff.Fixtures.state;
import static io.konggitops.diff.Fixtures.target;
import static io.konggitops.diff.Fixtures.upstream;
import static io.konggitops.testing.kong.DoubleAdmin.id;
import static org.assertj.core.api.Assertions.assertThat;

class DblessApplyTest {
    private final DoubleAdmin dbless = DoubleAdmin.start(KongDouble.builder().dbless());
    private final KongDouble kong = dbless.kong();
    private final io.konggitops.kong.KongAdmin admin = dbless.client();

    @AfterEach
    void stop() {
        dbless.close();
    }
    private final Kong.RecordingSleeper sleeper = new Kong.RecordingSleeper();

    private static KongState desired() {
        return state(service("s1", "svc"), route("r1", "web", "s1", "/"), upstream("u"), target("u", "10.0.0.1:80"),
                routePlugin("p1", "cors", "r1", Map.of()), consumer("c1", "alice"),
                entity(EntityType.KEY_AUTH, "consumer", Map.of("id", id("c1")), "key", "k-1"),
                certificate("cert-1").with("snis", java.util.List.of("a.example.com")));
    }

    @Test
    void aDblessKongGetsTheWholeConfigurationInOnePost() throws Exception {
        Plan plan = Kong.plan(desired(), admin);

        ApplyResult result = Applier.apply(plan, admin, Kong.options(sleeper).withDbless(true));

        assertThat(result.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(kong.writes()).containsExactly("POST /config");
        JsonNode doc = new ObjectMapper().readTree(kong.postedConfigs().get(0));
        assertThat(doc.get("_format_version").asText()).isEqualTo("3.0");
        assertThat(doc.at("/services/0/routes/0/name").asText()).isEqualTo("web");
        assertThat(doc.at("/services/0/routes/0").has("service")).isFalse();
        assertThat(doc.at("/upstreams/0/targets/0/target").asText()).isEqualTo("10.0.0.1:80");
        assertThat(doc.at("/certificates/0/snis/0/name").asText()).isEqualTo("a.example.com");
        assertThat(doc.at("/consumers/0/keyauth_credentials/0/key").asText()).isEqualTo("k-1");
        assertThat(doc.at("/plugins/0/route").asText()).isEqualTo("web"); // decK style: parents by name
        assertThat(doc.has("routes")).isFalse();
    }

    @Test
    void anEmptyPlanPostsNothing() {
        Plan plan = Kong.plan(KongState.EMPTY, admin);

        ApplyResult result = Applier.apply(plan, admin, Kong.options(sleeper).withDbless(true));

        assertThat(result.outcome()).isEqualTo(ApplyResult.Outcome.NOTHING_TO_DO);
        assertThat(kong.writes()).isEmpty();
    }

    @Test
    void aBusyKongIsRetriedAfterItsRetryAfter() {
        kong.failOn("POST", "/config", 429, 1, Duration.ofSeconds(3));

        ApplyResult result = Applier.apply(Kong.plan(desired(), admin), admin, Kong.options(sleeper).withDbless(true));

        assertThat(result.succeeded()).isTrue();
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(3));
        assertThat(kong.postedConfigs()).hasSize(1);
    }

    @Test
    void aRejectedConfigurationIsOneFailureAndEveryChangeIsSkipped() {
        kong.failOn("POST", "/config", 400, 1, null);
        Plan plan = Kong.plan(desired(), admin);

        ApplyResult result = Applier.apply(plan, admin, Kong.options(sleeper).withDbless(true));

        assertThat(result.outcome()).isEqualTo(ApplyResult.Outcome.FAILED);
        assertThat(result.failed()).singleElement().satisfies(f -> {
            assertThat(f.error().op()).isEqualTo("post-config");
            assertThat(f.error().status()).isEqualTo(400);
        });
        assertThat(result.skipped()).hasSize(plan.changes().size());
    }
}
