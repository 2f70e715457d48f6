package io.konggitops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.konggitops.testing.kong.RequestStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The samples reconciled into a stateful Kong: create, converge, drift repair, deletions from Git. */
class SamplesSyncE2eTest {
    @TempDir
    Path tmp;

    private E2eFixture samples() {
        E2eFixture f = new E2eFixture(tmp).copySamples("shop", "platform");
        f.repo.commit("samples");
        return f;
    }

    @Test
    void theFirstReconcileCreatesEverythingAndASecondOneWritesNothing() {
        try (E2eFixture f = samples()) {
            E2eFixture.Run first = f.reconcile();
            assertThat(first.exit()).as(first.toString()).isZero();

            assertThat(f.names("services", "name")).containsExactly("platform.not-found.80", "shop.api.http",
                    "shop.orders.8080", "shop.web.80");
            assertThat(f.names("routes", "name")).containsExactly("platform.fallback",
                    "shop.orders.orders.orders.shop.example.com.8080",
                    "shop.storefront-api.api.shop.example.com.http", "shop.storefront.web.shop.example.com.80");
            assertThat(f.names("upstreams", "name")).containsExactly("api.shop.http.svc",
                    "not-found.platform.80.svc", "orders.shop.8080.svc", "web.shop.80.svc");
            assertThat(f.names("targets", "target")).containsExactly("10.244.1.10:8080", "10.244.1.20:9000",
                    "10.244.2.11:8080", "10.244.3.30:8080", "10.244.4.40:8080", "[fd00:10:244::20]:9000");
            assertThat(f.all("certificates")).singleElement()
                    .satisfies(c -> assertThat(c.get("snis").toString())
                            .isEqualTo("[\"shop.example.com\",\"www.shop.example.com\"]"));
            assertThat(f.names("snis", "name")).containsExactly("shop.example.com", "www.shop.example.com");
            assertThat(f.all("plugins")).isEmpty();
            assertThat(f.kong.store().size()).isEqualTo(4 + 4 + 4 + 6 + 1 + 2);
            for (String kind : List.of("services", "routes", "upstreams", "targets", "certificates", "snis")) {
                assertThat(f.all(kind)).allSatisfy(e -> assertThat(tags(e)).as(kind + " " + e.get("id"))
                        .contains(E2eFixture.TAG));
            }
            assertThat(f.kong.stats().writes()).isEqualTo(21);

            int before = f.kong.stats().writes();
            E2eFixture.Run second = f.reconcile();
            assertThat(second.exit()).as(second.toString()).isZero();
            assertThat(second.out()).contains("0 to create, 0 to update, 0 to delete (21 unchanged)");
            assertThat(f.kong.stats().writes() - before).isZero();

            E2eFixture.Run diff = f.diff();
            assertThat(diff.exit()).as(diff.toString()).isZero();
            assertThat(f.kong.stats().writes() - before).isZero();
        }
    }

    @Test
    void theKongCrdSamplesCreatePluginsAHealthCheckedUpstreamAndAConsumerThenConverge() {
        try (E2eFixture f = new E2eFixture(tmp).copySamples("accounts", "cluster")) {
            f.repo.commit("Kong CRD samples");
            E2eFixture.Run first = f.reconcile();
            assertThat(first.exit()).as(first.toString()).isZero();

            assertThat(f.names("plugins", "name")).containsExactly("acl", "correlation-id", "key-auth",
                    "rate-limiting");
            String service = f.kong.store().find("services", "name", "accounts.accounts.80").get("id").asText();
            assertThat(f.kong.store().find("plugins", "name", "rate-limiting").at("/service/id").asText())
                    .isEqualTo(service);
            String route = f.all("routes").get(0).get("id").asText();
            assertThat(f.kong.store().find("plugins", "name", "key-auth").at("/route/id").asText()).isEqualTo(route);
            assertThat(f.kong.store().find("plugins", "name", "correlation-id").get("route").isNull()).isTrue();
            JsonNode checks = f.all("upstreams").get(0).get("healthchecks");
            assertThat(checks.at("/active/http_path").asText()).isEqualTo("/healthz");
            assertThat(checks.at("/passive/unhealthy/http_failures").asInt()).isEqualTo(5);
            assertThat(f.names("consumers", "username")).containsExactly("demo");
            assertThat(f.names("keyauth_credentials", "key")).containsExactly("demo-key-not-secret");
            assertThat(f.names("acls", "group")).containsExactly("members");
            assertThat(first.all()).doesNotContain("demo-key-not-secret");

            int before = f.kong.stats().writes();
            E2eFixture.Run second = f.reconcile();
            assertThat(second.exit()).as(second.toString()).isZero();
            assertThat(f.kong.stats().writes() - before).as(second.toString()).isZero();
        }
    }

    @Test
    void driftMadeDirectlyInKongIsReportedExactlyAndRepairedWithOnlyThoseWrites() {
        try (E2eFixture f = samples()) {
            assertThat(f.reconcile().exit()).isZero();
            String kong = f.kong.baseUrl();
            ObjectNode route = f.kong.store().find("routes", "name", "platform.fallback");
            assertThat(AdminCalls.send(kong, "PATCH", "/routes/" + route.get("id").asText(),
                    "{\"paths\":[\"/changed-by-hand\"]}")).startsWith("200");
            ObjectNode target = f.kong.store().find("targets", "target", "10.244.3.30:8080");
            assertThat(AdminCalls.send(kong, "DELETE", "/upstreams/" + target.at("/upstream/id").asText()
                    + "/targets/" + target.get("id").asText(), null)).startsWith("204");
            assertThat(AdminCalls.send(kong, "POST", "/plugins",
                    "{\"name\":\"cors\",\"tags\":[\"" + E2eFixture.TAG + "\"]}")).startsWith("201");

            E2eFixture.Run diff = f.diff("--report", "json");
            assertThat(diff.exit()).as(diff.toString()).isEqualTo(2);
            JsonNode report = diff.json();
            assertThat(report.get("drift").asBoolean()).isTrue();
            assertThat(report.at("/summary/create").asInt()).isEqualTo(1);
            assertThat(report.at("/summary/update").asInt()).isEqualTo(1);
            assertThat(report.at("/summary/delete").asInt()).isEqualTo(1);
            List<String> changes = new ArrayList<>();
            for (JsonNode c : report.get("changes")) {
                List<String> fields = new ArrayList<>();
                c.get("fields").forEach(fl -> fields.add(fl.get("path").asText()));
                changes.add(c.get("action").asText() + " " + c.get("kind").asText() + " " + c.get("name").asText()
                        + (fields.isEmpty() ? "" : " " + fields));
            }
            assertThat(changes).containsExactlyInAnyOrder(
                    "update routes platform.fallback [paths]",
                    "create targets 10.244.3.30:8080 on upstream orders.shop.8080.svc",
                    "delete plugins cors (global)");
            JsonNode paths = report.get("changes").findValues("fields").stream()
                    .filter(fl -> fl.size() > 0).findFirst().orElseThrow().get(0);
            assertThat(paths.get("before").toString()).isEqualTo("[\"/changed-by-hand\"]");
            assertThat(paths.get("after").toString()).isEqualTo("[\"/\"]");

            int before = f.kong.stats().writes();
            E2eFixture.Run repair = f.reconcile();
            assertThat(repair.exit()).as(repair.toString()).isZero();
            List<RequestStats.Request> writes = f.kong.stats().log().stream().filter(RequestStats.Request::isWrite)
                    .skip(before).toList();
            assertThat(writes).hasSize(3);
            assertThat(writes).extracting(RequestStats.Request::method).containsExactlyInAnyOrder("PUT", "POST",
                    "DELETE");
            assertThat(f.kong.store().find("routes", "name", "platform.fallback").get("paths").toString())
                    .isEqualTo("[\"/\"]");
            assertThat(f.kong.store().find("targets", "target", "10.244.3.30:8080")).isNotNull();
            assertThat(f.all("plugins")).isEmpty();

            assertThat(f.diff().exit()).isZero();
        }
    }

    @Test
    void aManifestRemovedFromGitDeletesItsEntitiesChildrenFirst() {
        try (E2eFixture f = samples()) {
            assertThat(f.reconcile().exit()).isZero();

            f.repo.delete("platform/ingress-fallback.yaml").delete("platform/services.yaml")
                    .delete("platform/endpointslices.yaml");
            f.repo.commit("platform is gone");
            int before = f.kong.stats().total();
            E2eFixture.Run run = f.reconcile();
            assertThat(run.exit()).as(run.toString()).isZero();
            List<String> deletes = writesSince(f, before);
            assertThat(deletes).hasSize(4).allMatch(w -> w.startsWith("DELETE "));
            assertThat(indexOf(deletes, "/routes/")).isLessThan(indexOf(deletes, "/services/"));
            assertThat(indexOf(deletes, "/targets/")).isLessThan(indexOfUpstreamDelete(deletes));
            assertThat(f.names("services", "name")).doesNotContain("platform.not-found.80");
            assertThat(f.names("routes", "name")).doesNotContain("platform.fallback");
            assertThat(f.names("upstreams", "name")).doesNotContain("not-found.platform.80.svc");
            assertThat(f.names("targets", "target")).doesNotContain("10.244.4.40:8080");

            f.repo.delete("shop/secret-shop-tls.yaml");
            f.repo.commit("the TLS secret now lives in the cluster only");
            before = f.kong.stats().total();
            run = f.reconcile();
            // the rest is applied, but the Ingress now names a Secret that is missing: an error, so exit 1
            assertThat(run.exit()).as(run.toString()).isEqualTo(1);
            assertThat(run.all()).contains("TLS Secret shop/shop-tls not found");
            deletes = writesSince(f, before);
            assertThat(deletes).hasSize(3).allMatch(w -> w.startsWith("DELETE "));
            assertThat(deletes.get(2)).startsWith("DELETE /certificates/");
            assertThat(deletes.subList(0, 2)).allMatch(w -> w.startsWith("DELETE /snis/"));
            assertThat(f.all("certificates")).isEmpty();
            assertThat(f.all("snis")).isEmpty();

            assertThat(f.diff().exit()).isZero();
        }
    }

    static List<String> writesSince(E2eFixture f, int requestIndex) {
        return f.kong.stats().log().stream().skip(requestIndex).filter(RequestStats.Request::isWrite)
                .map(r -> r.method() + " " + r.path()).toList();
    }

    private static int indexOf(List<String> writes, String part) {
        for (int i = 0; i < writes.size(); i++) {
            if (writes.get(i).contains(part)) return i;
        }
        throw new AssertionError(part + " not in " + writes);
    }

    private static int indexOfUpstreamDelete(List<String> writes) {
        for (int i = 0; i < writes.size(); i++) {
            if (writes.get(i).startsWith("DELETE /upstreams/") && !writes.get(i).contains("/targets/")) return i;
        }
        throw new AssertionError("no upstream delete in " + writes);
    }

    static List<String> tags(JsonNode entity) {
        List<String> tags = new ArrayList<>();
        entity.path("tags").forEach(t -> tags.add(t.asText()));
        return tags;
    }
}
