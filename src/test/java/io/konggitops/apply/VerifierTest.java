package io.konggitops.apply;

import io.konggitops.diff.Differ;
import io.konggitops.diff.Plan;
import io.konggitops.diff.Schemas;
import io.konggitops.kong.AdminClient;
import io.konggitops.kong.AdminClientOptions;
import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongAdmin;
import io.konggitops.kong.KongState;
import io.konggitops.kong.RouterFlavor;
import io.konggitops.testing.kong.KongDouble;
import io.konggitops.testing.kong.RequestStats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static io.konggitops.diff.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The re-read after apply, against the Kong double through the real Admin API client, with a decorator that
 * acknowledges chosen writes without performing them (a Kong that answers 200 but keeps the old entity).
 */
class VerifierTest {
    private static final Set<EntityType> CORE = EnumSet.of(EntityType.SERVICE, EntityType.ROUTE, EntityType.UPSTREAM,
            EntityType.TARGET, EntityType.CERTIFICATE, EntityType.SNI, EntityType.CA_CERTIFICATE, EntityType.CONSUMER,
            EntityType.PLUGIN);
    private static final String S1 = "11111111-0000-4000-8000-000000000001";
    private static final String S2 = "11111111-0000-4000-8000-000000000002";
    private static final String R1 = "22222222-0000-4000-8000-000000000001";
    private static final String R9 = "22222222-0000-4000-8000-000000000009";
    private static final String C1 = "33333333-0000-4000-8000-000000000001";
    private static final String P1 = "44444444-0000-4000-8000-000000000001";
    private static final String NO_SUCH = "99999999-0000-4000-8000-000000000009";
    private KongDouble kong;
    private KongAdmin client;
    private Schemas schemas;

    private void start(io.konggitops.testing.kong.KongDoubleBuilder builder) throws IOException {
        kong = builder.build().start();
        client = new AdminClient(AdminClientOptions.of(kong.baseUrl()));
    }

    @AfterEach
    void stop() {
        if (client != null) client.close();
        if (kong != null) kong.close();
    }

    private Plan plan(KongState desired) {
        KongState live = client.read(CORE, List.of(TAG));
        schemas = Schemas.fetchFor(client, desired, live, RouterFlavor.TRADITIONAL_COMPATIBLE);
        return Differ.diff(desired, live, schemas, OPTIONS);
    }

    private ApplyResult apply(KongState desired, Predicate<String> ignore) {
        return apply(desired, new AcknowledgingKongAdmin(client, ignore), false);
    }

    private ApplyResult apply(KongState desired, KongAdmin admin, boolean dbless) {
        Plan plan = plan(desired);
        return Applier.apply(plan, admin, Kong.options(new Kong.RecordingSleeper()).withDbless(dbless)
                .withVerification(schemas, OPTIONS));
    }

    private static KongState web(String path) {
        return state(service(S1, "svc"), route(R1, "web", S1, path));
    }

    @Test
    void writesThatKongKeptAreVerifiedByReReadingIt() throws IOException {
        start(KongDouble.builder());

        ApplyResult result = apply(web("/"), call -> false);

        assertThat(result.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(result.verified()).contains(true);
        assertThat(result.verification().unconverged()).isEmpty();
        assertThat(result.succeeded()).isTrue();
    }

    @Test
    void anUpdateKongAcknowledgedButDidNotMakeIsCaughtWithTheFieldThatStillDiffers() throws IOException {
        start(KongDouble.builder());
        apply(web("/drift"), call -> false);

        ApplyResult result = apply(web("/"), "PUT routes"::equals);

        assertThat(result.applied()).hasSize(1);
        assertThat(result.outcome()).isEqualTo(ApplyResult.Outcome.NOT_CONVERGED);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.verified()).contains(false);
        assertThat(result.verification().messages())
                .containsExactly("routes web: paths [\"/drift\"] (wanted [\"/\"])");
    }

    @Test
    void aCreateOrADeleteKongOnlyAcknowledgedIsCaught() throws IOException {
        start(KongDouble.builder());
        apply(state(service(S2, "svc-2")), call -> false);

        ApplyResult result = apply(state(service(S1, "svc")), call -> call.equals("PUT services")
                || call.equals("DELETE services"));

        assertThat(result.outcome()).isEqualTo(ApplyResult.Outcome.NOT_CONVERGED);
        assertThat(result.verification().messages()).containsExactlyInAnyOrder(
                "services svc: missing in Kong", "services svc-2: still in Kong, not desired");
    }

    @Test
    void theReReadIsOneTagFilteredReadOfThePlansKindsAndWhatTheyReference() throws IOException {
        start(KongDouble.builder());
        apply(state(service(S1, "svc"), route(R1, "web", S1, "/"), upstream("u"), consumer(C1, "alice"),
                routePlugin(P1, "cors", R1, Map.of())), call -> false);
        AcknowledgingKongAdmin admin = new AcknowledgingKongAdmin(client, call -> false);
        Plan plan = plan(state(service(S1, "svc"), route(R1, "web", S1, "/"), upstream("u"),
                consumer(C1, "alice"), routePlugin(P1, "cors", R1, Map.of("max_age", 60))));
        kong.stats().reset();

        ApplyResult result = Applier.apply(plan, admin, Kong.options(new Kong.RecordingSleeper())
                .withVerification(schemas, OPTIONS));

        assertThat(result.verified()).contains(true);
        assertThat(admin.reads).containsExactly(EnumSet.of(EntityType.PLUGIN, EntityType.ROUTE,
                EntityType.SERVICE));
        List<RequestStats.Request> gets = kong.stats().log().stream().filter(r -> r.method().equals("GET")).toList();
        assertThat(gets).extracting(RequestStats.Request::path)
                .containsExactlyInAnyOrder("/plugins", "/routes", "/services");
        assertThat(gets).allSatisfy(r -> assertThat(r.query()).contains("tags="));
    }

    @Test
    void aFailedWriteAndWhatItSkippedAreNotReportedAgainAsUnconverged() throws IOException {
        start(KongDouble.builder());

        ApplyResult result = apply(state(service(S1, "svc"), route(R1, "web", S1, "/"),
                route(R9, "orphan", NO_SUCH, "/o")), call -> false);

        assertThat(result.outcome()).isEqualTo(ApplyResult.Outcome.FAILED);
        assertThat(result.failed()).extracting(f -> f.change().label()).containsExactly("routes orphan");
        assertThat(result.verified()).contains(true);
        assertThat(result.verification().unconverged()).isEmpty();
    }

    @Test
    void aKongThatCannotBeReReadAfterTheWritesLeavesTheRunUnverifiedAfterTheRetries() throws IOException {
        start(KongDouble.builder());
        AcknowledgingKongAdmin admin = new AcknowledgingKongAdmin(client, call -> false);
        Plan plan = plan(web("/"));
        admin.failReadsWith = 503;
        Kong.RecordingSleeper sleeper = new Kong.RecordingSleeper();

        ApplyResult result = Applier.apply(plan, admin, Kong.options(sleeper).withVerification(schemas, OPTIONS));

        assertThat(result.applied()).hasSize(2);
        assertThat(result.outcome()).isEqualTo(ApplyResult.Outcome.NOT_CONVERGED);
        assertThat(result.verified()).contains(false);
        assertThat(result.verification().error())
                .isEqualTo("could not re-read Kong to verify the writes: HTTP 503: An unexpected error occurred");
        assertThat(admin.reads).hasSize(4);
        assertThat(result.retries()).extracting(ApplyResult.Retry::label).containsOnly("re-read after apply");
    }

    @Test
    void nothingWrittenIsNothingToVerify() throws IOException {
        start(KongDouble.builder());
        apply(web("/"), call -> false);

        ApplyResult result = apply(web("/"), call -> false);

        assertThat(result.outcome()).isEqualTo(ApplyResult.Outcome.NOTHING_TO_DO);
        assertThat(result.verified()).isEmpty();
    }

    @Test
    void aDblessConfigKongAcknowledgedButDidNotLoadIsCaught() throws IOException {
        start(KongDouble.builder().dbless());

        ApplyResult ignored = apply(web("/"), new AcknowledgingKongAdmin(client, "POST /config"::equals), true);
        assertThat(ignored.outcome()).isEqualTo(ApplyResult.Outcome.NOT_CONVERGED);
        assertThat(ignored.verification().messages())
                .containsExactlyInAnyOrder("services svc: missing in Kong", "routes web: missing in Kong");

        ApplyResult loaded = apply(web("/"), client, true);
        assertThat(loaded.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(loaded.verified()).contains(true);
    }
}
