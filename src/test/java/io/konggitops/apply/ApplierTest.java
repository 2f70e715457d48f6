package io.konggitops.apply;

import io.konggitops.diff.Change;
import io.konggitops.diff.Plan;
import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.KongState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.konggitops.diff.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ApplierTest {
    private final FakeKongAdmin kong = new FakeKongAdmin();
    private final Kong.RecordingSleeper sleeper = new Kong.RecordingSleeper();

    private ApplyResult apply(Plan plan, int parallelism) {
        return Applier.apply(plan, kong, Kong.options(sleeper).withParallelism(parallelism));
    }

    private static KongState shop() {
        return state(service("s1", "svc"), route("r1", "web", "s1", "/"), upstream("u"), target("u", "10.0.0.1"),
                routePlugin("p1", "cors", "r1", Map.of()), consumer("c1", "alice"), certificate("cert-1"),
                sni("a.example.com", "cert-1"));
    }

    @Test
    void aPlanIsAppliedInDependencyOrderAndTheNextDiffIsEmpty() {
        ApplyResult result = apply(Kong.plan(shop(), kong), 1);

        assertThat(result.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(result.applied()).hasSize(8);
        List<String> writes = kong.writes();
        assertThat(writes.indexOf("PUT certificates cert-1")).isLessThan(indexOfPrefix(writes, "PUT snis"));
        assertThat(writes.indexOf("PUT services s1")).isLessThan(writes.indexOf("PUT routes r1"));
        assertThat(indexOfPrefix(writes, "PUT upstreams")).isLessThan(indexOfPrefix(writes, "POST targets"));
        assertThat(writes.get(writes.size() - 1)).isEqualTo("PUT plugins p1");
        assertThat(Kong.plan(shop(), kong).isEmpty()).isTrue();
    }

    @Test
    void noMoreThanParallelismWritesRunAtOnce() {
        List<KongEntity> services = new ArrayList<>();
        for (int i = 0; i < 30; i++) services.add(service("s" + i, "svc-" + i));
        kong.holdFirstWrites(4);

        ApplyResult result = apply(Kong.plan(state(services), kong), 4);

        assertThat(result.applied()).hasSize(30);
        assertThat(kong.maxConcurrentWrites()).isEqualTo(4);
    }

    @Test
    void a503IsRetriedWithExponentialBackoff() {
        kong.failOn("PUT services s1", 503, 2, null);

        ApplyResult result = apply(Kong.plan(state(service("s1", "svc")), kong), 10);

        assertThat(result.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(result.retries()).extracting(ApplyResult.Retry::attempt, ApplyResult.Retry::status)
                .containsExactly(tuple(1, 503), tuple(2, 503));
        assertThat(kong.count(EntityType.SERVICE)).isEqualTo(1);
    }

    @Test
    void a429WaitsWhatRetryAfterSays() {
        kong.failOn("PUT services s1", 429, 1, Duration.ofSeconds(7));

        ApplyResult result = apply(Kong.plan(state(service("s1", "svc")), kong), 10);

        assertThat(result.succeeded()).isTrue();
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7));
        assertThat(result.retries()).singleElement().satisfies(r -> assertThat(r.retryAfter()).isTrue());
    }

    @Test
    void ioErrorsAreRetriedUntilTheAttemptsRunOut() {
        kong.failOn("PUT services s1", 0, -1, null);

        ApplyResult result = apply(Kong.plan(state(service("s1", "svc")), kong), 10);

        assertThat(result.failed()).singleElement().satisfies(f -> assertThat(f.error().status()).isZero());
        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200),
                Duration.ofMillis(300));
        assertThat(kong.writes()).hasSize(4);
    }

    @Test
    void a400IsNeverRetried() {
        kong.failOn("PUT services s1", 400, 1, null);

        ApplyResult result = apply(Kong.plan(state(service("s1", "svc")), kong), 10);

        assertThat(result.outcome()).isEqualTo(ApplyResult.Outcome.FAILED);
        assertThat(sleeper.waits).isEmpty();
        assertThat(kong.writes()).containsExactly("PUT services s1");
        assertThat(result.failed()).singleElement().satisfies(f -> {
            assertThat(f.error().op()).isEqualTo("create");
            assertThat(f.error().kind()).isEqualTo(EntityType.SERVICE);
            assertThat(f.error().name()).isEqualTo("services svc");
            assertThat(f.error().origin().toString()).isEqualTo("ingress.yaml:3");
            assertThat(f.error().toString()).isEqualTo(
                    "create services svc (ingress.yaml:3 Ingress shop/web) failed: HTTP 400: injected failure");
        });
    }

    private static KongState twoServices() {
        return state(consumer("c1", "alice"), service("s2", "svc-2"), service("s1", "svc-1"),
                route("r1", "web-1", "s1", "/1"), route("r2", "web-2", "s2", "/2"),
                routePlugin("p1", "cors", "r1", Map.of()), upstream("u"), target("u", "10.0.0.1:80"));
    }

    @Test
    void aPermanentFailureSkipsOnlyWhatDependsOnItAndTheRestOfThePlanIsApplied() {
        kong.failOn("PUT services s1", 400, -1, null);

        ApplyResult result = apply(Kong.plan(twoServices(), kong), 1);

        assertThat(result.outcome()).isEqualTo(ApplyResult.Outcome.FAILED);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.applied()).extracting(Change::label).containsExactly("consumers alice", "services svc-2",
                "upstreams u", "routes web-2", "targets 10.0.0.1:80 on upstream u");
        assertThat(result.failed()).extracting(f -> f.change().label()).containsExactly("services svc-1");
        assertThat(result.skipped()).extracting(s -> s.change().label(), ApplyResult.Skipped::reason).containsExactly(
                tuple("routes web-1", "depends on services svc-1, which failed"),
                tuple("plugins cors on route web-1", "depends on services svc-1, which failed"));
        assertThat(kong.writes()).doesNotContain("PUT routes r1", "PUT plugins p1").contains("PUT routes r2");
        assertThat(kong.count(EntityType.SERVICE)).isEqualTo(1);
    }

    @Test
    void aFailedDeleteSkipsTheDeletesThatDependOnItAndOnlyThose() {
        apply(Kong.plan(twoServices(), kong), 1);
        kong.failOn("DELETE plugins p1", 400, -1, null);

        ApplyResult result = apply(Kong.plan(state(consumer("c1", "alice"), upstream("u"),
                target("u", "10.0.0.1:80")), kong), 1);

        assertThat(result.failed()).extracting(f -> f.change().label())
                .containsExactly("plugins cors on route web-1");
        assertThat(result.skipped()).extracting(s -> s.change().label(), ApplyResult.Skipped::reason).containsExactly(
                tuple("routes web-1", "depends on plugins cors on route web-1, which failed"),
                tuple("services svc-1", "depends on plugins cors on route web-1, which failed"));
        assertThat(result.applied()).extracting(Change::label).containsExactly("routes web-2", "services svc-2");
        assertThat(kong.count(EntityType.SERVICE)).isEqualTo(1);
        assertThat(kong.count(EntityType.ROUTE)).isEqualTo(1);
    }

    @Test
    void reRunningThePlanAfterAPartialFailureConverges() {
        kong.failOn("PUT plugins p1", 400, -1, null);
        Plan plan = Kong.plan(twoServices(), kong);
        ApplyResult first = apply(plan, 3);
        assertThat(first.outcome()).isEqualTo(ApplyResult.Outcome.FAILED);
        assertThat(kong.count(EntityType.TARGET)).isEqualTo(1);

        kong.clearFailures();
        ApplyResult second = apply(plan, 3);

        assertThat(second.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(kong.writes()).anyMatch(w -> w.startsWith("PUT targets ") && w.endsWith(" 10.0.0.1:80")); // the repeated create answered 409
        assertThat(kong.count(EntityType.TARGET)).isEqualTo(1);
        assertThat(Kong.plan(twoServices(), kong).isEmpty()).isTrue();
    }

    @Test
    void aTargetIsUpdatedInPlaceNotDeletedAndRecreated() {
        apply(Kong.plan(state(upstream("u"), target("u", "10.0.0.1:80")), kong), 1);
        String targetId = Kong.read(kong).of(EntityType.TARGET).findFirst().orElseThrow().id();

        ApplyResult result = apply(Kong.plan(state(upstream("u"), target("u", "10.0.0.1:80").with("weight", 5)),
                kong), 1);

        assertThat(result.applied()).singleElement().satisfies(c -> assertThat(c.id()).isEqualTo(targetId));
        assertThat(kong.writes()).last().asString().startsWith("PUT targets").endsWith(targetId);
        assertThat(Kong.read(kong).of(EntityType.TARGET).findFirst().orElseThrow().get("weight")).isEqualTo(5L);
    }

    @Test
    void updatingACertificateKeepsItsSnis() {
        apply(Kong.plan(state(certificate("cert-1"), sni("a.example.com", "cert-1"), sni("b.example.com", "cert-1")),
                kong), 1);

        ApplyResult result = apply(Kong.plan(state(certificate("cert-1").with("key", "-----NEW KEY-----"),
                sni("a.example.com", "cert-1"), sni("b.example.com", "cert-1")), kong), 1);

        assertThat(result.applied()).extracting(Change::label).containsExactly("certificates cert-1");
        assertThat(kong.count(EntityType.SNI)).isEqualTo(2);
    }

    @Test
    void aCertificateUpdateIsVerifiedWithoutItsSnisBeingTakenForMissing() {
        KongState before = state(certificate("cert-1").with("snis", List.of("a.example.com")));
        apply(Kong.plan(before, kong), 1);
        KongState after = state(certificate("cert-1").with("key", "-----NEW KEY-----")
                .with("snis", List.of("a.example.com")));
        Plan plan = Kong.plan(after, kong);

        ApplyResult result = Applier.apply(plan, kong, Kong.options(sleeper).withVerification(builtin(), OPTIONS));

        assertThat(result.applied()).extracting(Change::label).containsExactly("certificates cert-1");
        assertThat(result.verified()).contains(true);
        assertThat(result.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
    }

    @Test
    void deletingWhatIsAlreadyGoneSucceeds() {
        apply(Kong.plan(state(service("s1", "svc"), service("s2", "svc-2")), kong), 1);
        Plan plan = Kong.plan(state(service("s1", "svc")), kong);
        kong.delete(EntityType.SERVICE, "s2", null);

        ApplyResult result = apply(plan, 1);

        assertThat(result.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(result.applied()).extracting(Change::label).containsExactly("services svc-2");
    }

    @Test
    void aServiceReplacedUnderANewIdWithItsRoutesAppliesWithoutConflictsAgainstKong() {
        apply(Kong.plan(state(service("old-id", "svc"), route("r1", "web", "old-id", "/"),
                routePlugin("p1", "cors", "r1", Map.of())), kong), 1);
        KongState desired = state(service("new-id", "svc"), route("r1", "web", "new-id", "/"),
                routePlugin("p1", "cors", "r1", Map.of()));

        ApplyResult result = apply(Kong.plan(desired, kong), 10);

        assertThat(result.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(Kong.read(kong).of(EntityType.SERVICE).map(KongEntity::id)).containsExactly("new-id");
        assertThat(Kong.plan(desired, kong).isEmpty()).isTrue();
    }

    private static int indexOfPrefix(List<String> calls, String prefix) {
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).startsWith(prefix)) return i;
        }
        return -1;
    }
}
