package io.konggitops.diff;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.SensitiveFields;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.KongState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.konggitops.diff.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class MatchingAndOrderTest {

    private static Plan diff(KongState desired, KongState live) {
        return Differ.diff(desired, live, builtin(), OPTIONS);
    }

    private static List<String> ordered(Plan plan) {
        return plan.steps().stream().flatMap(s -> s.changes().stream()
                .map(c -> s.phase() + " " + c.action() + " " + c.label())).toList();
    }

    @Test
    void fieldChangesCarryPathBeforeAndAfter() {
        KongEntity desiredRoute = route("r1", "web", "s1", "/v2");
        KongEntity desiredPlugin = routePlugin("p1", "rate-limiting", "r1", Map.of("minute", 10, "policy", "local"));
        KongState live = state(live(service("s1", "svc"), "s1"), live(route("r1", "web", "s1", "/v1"), "r1"),
                live(routePlugin("p1", "rate-limiting", "r1", Map.of("minute", 5, "policy", "local")), "p1"));

        Plan plan = diff(state(service("s1", "svc"), desiredRoute, desiredPlugin), live);

        assertThat(plan.changes()).extracting(Change::action, Change::label, Change::fieldChanges).containsExactly(
                tuple(Action.UPDATE, "routes web", List.of(new FieldChange("paths", List.of("/v1"), List.of("/v2"),
                        false))),
                tuple(Action.UPDATE, "plugins rate-limiting on route web",
                        List.of(new FieldChange("config.minute", 5L, 10L, false))));
        assertThat(plan.summary()).isEqualTo(new Plan.Summary(0, 2, 0, 1));
        assertThat(plan.changes().get(0).source().toString()).isEqualTo("Ingress shop/web");
    }

    @Test
    void entitiesWithoutIdsMatchByNaturalKeyAndKeepTheLiveIds() {
        KongEntity nestedPlugin = entity(EntityType.PLUGIN, "name", "request-transformer",
                "route", Map.of("id", "r1"), "config", Map.of("add", Map.of("headers", List.of("x:1"))));
        KongState desired = state(service("s1", "svc"), route("r1", "web", "s1", "/"), upstream("u"),
                target("u", "10.0.0.1:80").with("weight", 50), nestedPlugin, certificate("cert-1"),
                sni("a.example.com", "cert-1"));
        KongState live = state(live(service("s1", "svc"), "s1"), live(route("r1", "web", "s1", "/"), "r1"),
                live(upstream("u"), "live-u"),
                live(target("u", "10.0.0.1:80").with("upstream", Map.of("id", "live-u")), "live-t"),
                live(nestedPlugin, "live-p"), live(certificate("cert-1"), "cert-1"),
                live(sni("a.example.com", "cert-1"), "live-sni"));

        Plan plan = diff(desired, live);

        assertThat(plan.changes()).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo(Action.UPDATE);
            assertThat(c.id()).isEqualTo("live-t");
            assertThat(c.desired().foreignKey("upstream")).isEqualTo("live-u");
            assertThat(c.fieldChanges()).containsExactly(new FieldChange("weight", 100L, 50L, false));
        });
        assertThat(plan.unchanged()).isEqualTo(6);
    }

    @Test
    void aPinnedIdWhoseNameIsHeldByAnotherLiveEntityDeletesThatOneFirst() {
        KongState live = state(live(service("old-id", "svc"), "old-id"), live(route("r1", "web", "old-id", "/"), "r1"));
        KongState desired = state(service("new-id", "svc"), route("r1", "web", "new-id", "/"));

        Plan plan = diff(desired, live);

        assertThat(ordered(plan)).containsExactly(
                "FREE_NAMES DELETE routes web",
                "FREE_NAMES DELETE services svc",
                "CREATE_UPDATE CREATE services svc",
                "CREATE_UPDATE CREATE routes web");
        assertThat(plan.changes().get(2).id()).isEqualTo("new-id");
        assertThat(plan.changes().get(3).dependsOn()).contains("write:services:new-id", "delete:routes:r1");
    }

    @Test
    void aRenamedRouteIsCreatedUnderItsNewIdAndTheOldOneDeletedAfterwards() {
        KongState live = state(live(service("s1", "svc"), "s1"), live(route("old", "web-old", "s1", "/"), "old"));
        KongState desired = state(service("s1", "svc"), route("new", "web-new", "s1", "/"));

        assertThat(ordered(diff(desired, live))).containsExactly(
                "CREATE_UPDATE CREATE routes web-new",
                "DELETE DELETE routes web-old");
    }

    @Test
    void aNameFreedByOneEntityAndTakenByAnotherIsDeletedBeforeTheCreate() {
        // consumer "bob" (old id) goes away, a new consumer with another id takes the same custom_id
        KongEntity oldBob = live(consumer("c-old", "bob").with("custom_id", "42"), "c-old");
        KongEntity newBob = consumer("c-new", "robert").with("custom_id", "42");

        assertThat(ordered(diff(state(newBob), state(oldBob)))).containsExactly(
                "FREE_NAMES DELETE consumers bob",
                "CREATE_UPDATE CREATE consumers robert");
    }

    @Test
    void writesGoTopDownAndDeletesBottomUpChildrenBeforeParents() {
        KongState desired = state(routePlugin("p1", "cors", "r1", Map.of()), route("r1", "web", "s1", "/"),
                service("s1", "svc"), consumer("c1", "alice"), target("u", "10.0.0.1:80"), upstream("u"));
        KongState live = state(live(service("s9", "gone"), "s9"), live(route("r9", "gone-r", "s9", "/"), "r9"),
                live(routePlugin("p9", "cors", "r9", Map.of()), "p9"), live(upstream("old-u"), "ou"),
                live(target("old-u", "10.1.1.1:80").with("upstream", Map.of("id", "ou")), "ot"),
                live(certificate("cert-9"), "cert-9"), live(sni("x.example.com", "cert-9"), "sni-9"));

        assertThat(ordered(diff(desired, live))).containsExactly(
                "CREATE_UPDATE CREATE consumers alice",
                "CREATE_UPDATE CREATE services svc",
                "CREATE_UPDATE CREATE upstreams u",
                "CREATE_UPDATE CREATE routes web",
                "CREATE_UPDATE CREATE targets 10.0.0.1:80 on upstream u",
                "CREATE_UPDATE CREATE plugins cors on route web",
                "DELETE DELETE plugins cors on route gone-r",
                "DELETE DELETE routes gone-r",
                "DELETE DELETE targets 10.1.1.1:80 on upstream old-u",
                "DELETE DELETE services gone",
                "DELETE DELETE upstreams old-u",
                "DELETE DELETE snis x.example.com",
                "DELETE DELETE certificates cert-9");
        assertThat(DependencyOrder.level(EntityType.KEY_AUTH)).isEqualTo(2);
    }

    @Test
    void liveEntitiesWithoutTheSelectTagAreNeverChangedOrDeleted() {
        KongEntity foreign = live(service("f1", "someone-elses").with("tags", List.of("team-b")), "f1");
        KongEntity foreignSameName = live(service("f2", "svc").with("tags", null), "f2");

        Plan plan = diff(state(service("s1", "svc")), state(foreign, foreignSameName));

        assertThat(plan.changes()).extracting(Change::action, Change::id).containsExactly(tuple(Action.CREATE, "s1"));
        assertThat(plan.liveCount()).isZero();
        assertThat(plan.warnings()).singleElement().satisfies(w -> assertThat(w.message()).contains("2 live entities"));
    }

    @Test
    void desiredEntitiesGetTheSelectTagMergedIntoTheirTags() {
        KongEntity untagged = service("s1", "svc").with("tags", List.of("k8s-name:web"));

        Plan plan = diff(state(untagged), KongState.EMPTY);

        // then the applied tag: the hash of what is written, for drift attribution
        List<String> tags = ((List<?>) plan.changes().get(0).desired().get("tags")).stream()
                .map(String::valueOf).toList();
        assertThat(tags).hasSize(3).startsWith("k8s-name:web", TAG);
        assertThat(tags.get(2)).matches("kong-gitops-applied:[0-9a-f]{12}");
    }

    @Test
    void secretFieldsAreFlaggedSensitiveByNameNotByValue() {
        KongEntity cert = certificate("cert-1");
        KongEntity keyAuth = entity(EntityType.KEY_AUTH, "consumer", Map.of("id", "c1"), "key", "new-key");
        KongEntity plugin = routePlugin("p1", "openid-connect", "r1", Map.of("client_secret", "s2",
                "redis", Map.of("password", "pw2"), "issuer", "https://idp/"));
        KongState live = state(live(consumer("c1", "alice"), "c1"),
                live(cert.with("key", "old-key-pem"), "cert-1"),
                live(keyAuth.with("key", "old-key"), "ka1"),
                live(routePlugin("p1", "openid-connect", "r1", Map.of("client_secret", "s1",
                        "redis", Map.of("password", "pw1"), "issuer", "https://old-idp/")), "p1"));

        Plan plan = diff(state(consumer("c1", "alice"), cert, plugin, entity(EntityType.KEY_AUTH, "consumer",
                Map.of("id", "c1"), "key", "old-key", "ttl", 5)), live);
        List<FieldChange> all = new ArrayList<>();
        plan.changes().forEach(c -> all.addAll(c.fieldChanges()));

        assertThat(all).extracting(FieldChange::path, FieldChange::sensitive).containsExactlyInAnyOrder(
                tuple("key", true), tuple("ttl", false), tuple("config.client_secret", true),
                tuple("config.issuer", false), tuple("config.redis.password", true));
        assertThat(plan.changes().toString()).doesNotContain("pw1", "pw2", "old-key-pem", "s2")
                .contains("(sensitive value changed)");
        assertThat(SensitiveFields.isSensitive(EntityType.PLUGIN, "config.minute")).isFalse();
        assertThat(SensitiveFields.isSensitive(EntityType.SERVICE, "key")).isFalse();
    }

    @Test
    void aThousandRoutesWithOneChangedPlanExactlyOneChange() {
        List<KongEntity> desired = new ArrayList<>();
        List<KongEntity> live = new ArrayList<>();
        desired.add(service("s1", "svc"));
        live.add(live(service("s1", "svc"), "s1"));
        for (int i = 0; i < 1000; i++) {
            KongEntity r = route("r" + i, "route-" + i, "s1", "/p" + i);
            desired.add(i == 500 ? r.with("paths", List.of("/changed")) : r);
            live.add(live(r, "r" + i));
        }

        Plan plan = diff(state(desired), state(live));

        assertThat(plan.changes()).singleElement().satisfies(c -> {
            assertThat(c.label()).isEqualTo("routes route-500");
            assertThat(c.fieldChanges()).extracting(FieldChange::path).containsExactly("paths");
        });
        assertThat(plan.summary()).isEqualTo(new Plan.Summary(0, 1, 0, 1000));
    }

    @Test
    void aCertificateUpdateCarriesTheSniNamesKongHasSoThePutKeepsThem() {
        KongEntity cert = certificate("cert-1").with("cert_alt", "ALT");
        KongState live = state(live(certificate("cert-1"), "cert-1").with("snis", List.of("a.example.com")),
                live(sni("a.example.com", "cert-1"), "sni-1"));

        Plan plan = diff(state(cert, sni("a.example.com", "cert-1")), live);

        assertThat(plan.changes()).singleElement().satisfies(c ->
                assertThat(c.desired().get("snis")).isEqualTo(List.of("a.example.com")));
    }

    @Test
    void aPluginWhoseIdChangedIsReplacedBecauseKongKeepsOnePluginPerNameAndScope() {
        KongState live = state(live(service("s1", "svc"), "s1"), live(route("r1", "web", "s1", "/"), "r1"),
                live(routePlugin("old-p", "cors", "r1", Map.of()), "old-p"));
        KongState desired = state(service("s1", "svc"), route("r1", "web", "s1", "/"),
                routePlugin("new-p", "cors", "r1", Map.of()));

        assertThat(ordered(diff(desired, live))).containsExactly(
                "FREE_NAMES DELETE plugins cors on route web",
                "CREATE_UPDATE CREATE plugins cors on route web");
    }

    @Test
    void aServiceMovedToAnotherCertificateIsUpdatedBeforeTheOldCertificateIsDeleted() {
        KongState live = state(live(certificate("cert-old"), "cert-old"),
                live(service("s1", "svc").with("protocol", "https")
                        .with("client_certificate", Map.of("id", "cert-old")), "s1"));
        KongState desired = state(certificate("cert-new"), service("s1", "svc").with("protocol", "https")
                .with("client_certificate", Map.of("id", "cert-new")));

        Plan plan = diff(desired, live);

        assertThat(ordered(plan)).containsExactly(
                "CREATE_UPDATE CREATE certificates cert-new",
                "CREATE_UPDATE UPDATE services svc",
                "DELETE DELETE certificates cert-old");
        assertThat(plan.changes().get(1).fieldChanges()).containsExactly(new FieldChange("client_certificate.id",
                "cert-old", "cert-new", false));
        assertThat(plan.changes().get(1).dependsOn()).containsExactly("write:certificates:cert-new");
    }

    @Test
    void renamingIntoANameAnotherLiveRouteGivesUpDeletesThatRouteFirst() {
        KongState live = state(live(service("s1", "svc"), "s1"), live(route("a", "x", "s1", "/a"), "a"),
                live(route("b", "y", "s1", "/b"), "b"));
        KongState desired = state(service("s1", "svc"), route("a", "y", "s1", "/a"));

        assertThat(ordered(diff(desired, live))).containsExactly(
                "FREE_NAMES DELETE routes y",
                "CREATE_UPDATE UPDATE routes y");
    }
}
