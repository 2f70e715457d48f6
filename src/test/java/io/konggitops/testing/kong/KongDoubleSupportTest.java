package io.konggitops.testing.kong;

import static io.konggitops.testing.kong.AdminHttp.j;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KongDoubleSupportTest extends DefaultDoubleTest {

    @Test
    void bindsTheLoopbackAddressOnAFreePort() {
        assertThat(kong.baseUrl()).startsWith("http://127.0.0.1:").endsWith(":" + kong.port());
        assertThat(kong.port()).isPositive();
    }

    @Test
    void rootReportsVersionDatabaseRouterFlavorAndListeners() throws Exception {
        JsonNode root = http.get("/").body();
        assertThat(root.get("version").asText()).isEqualTo("3.9.1");
        assertThat(root.at("/configuration/database").asText()).isEqualTo("postgres");
        assertThat(root.at("/configuration/router_flavor").asText()).isEqualTo("traditional_compatible");
        assertThat(root.at("/configuration/proxy_listeners/0/port").asInt()).isEqualTo(8000);
        assertThat(root.at("/plugins/available_on_server/cors/version").asText()).isEqualTo("3.9.1");
        assertThat(http.get("/status").at("/database/reachable").asBoolean()).isTrue();
        try (KongDouble other = KongDouble.builder().version("3.4.3.12").routerFlavor("traditional").build().start()) {
            JsonNode r = new AdminHttp(other).get("/").body();
            assertThat(r.get("version").asText()).isEqualTo("3.4.3.12");
            assertThat(r.at("/configuration/router_flavor").asText()).isEqualTo("traditional");
        }
    }

    @Test
    void countsRequestsByMethodPathPrefixAndWrites() {
        http.get("/services");
        http.post("/services", j("{'name':'a','host':'h'}"));
        http.put("/services/b", j("{'host':'h'}"));
        http.put("/routes/r", j("{'paths':['/']}"));
        http.delete("/routes/r");

        RequestStats stats = kong.stats();
        assertThat(stats.total()).isEqualTo(5);
        assertThat(stats.count("PUT")).isEqualTo(2);
        assertThat(stats.count("PUT", "/services")).isEqualTo(1);
        assertThat(stats.writes()).isEqualTo(4);
        RequestStats.Request last = stats.log().get(4);
        assertThat(last.method()).isEqualTo("DELETE");
        assertThat(last.path()).isEqualTo("/routes/r");
        assertThat(last.status()).isEqualTo(204);
        assertThat(stats.log().get(1).body()).contains("\"name\":\"a\"");
    }

    @Test
    void resetForgetsEntitiesAndCounters() {
        http.post("/services", j("{'name':'a','host':'h'}"));
        kong.reset();
        assertThat(kong.store().size()).isZero();
        assertThat(kong.stats().total()).isZero();
        assertThat(http.get("/services").at("/data").size()).isZero();
    }

    @Test
    void seedUsesTheSameDefaultsAndValidationWithoutCounting() {
        JsonNode svc = kong.seed("services", Map.of("name", "svc1", "host", "h"));
        kong.seed("routes", "{\"name\":\"r1\",\"paths\":[\"/\"],\"service\":{\"id\":\"" + svc.get("id").asText() + "\"}}");

        assertThat(svc.get("retries").asInt()).isEqualTo(5);
        assertThat(kong.store().all("routes")).hasSize(1);
        assertThat(kong.store().find("routes", "name", "r1").at("/service/id").asText()).isEqualTo(svc.get("id").asText());
        assertThat(kong.store().get("services", svc.get("id").asText()).get("name").asText()).isEqualTo("svc1");
        assertThat(kong.stats().total()).isZero();
        assertThatThrownBy(() -> kong.seed("services", "{}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("required field missing");
    }

    @Test
    void theArmedWriteFailsOnceAndIsNotApplied() {
        kong.failNthWrite(2, 500);

        AdminHttp.Reply first = http.post("/services", j("{'name':'a','host':'h'}"));
        http.get("/services");
        AdminHttp.Reply second = http.post("/services", j("{'name':'b','host':'h'}"));
        AdminHttp.Reply retried = http.post("/services", j("{'name':'b','host':'h'}"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(500);
        assertThat(second.at("/message").asText()).isEqualTo("An unexpected error occurred");
        assertThat(retried.status()).isEqualTo(201);
        assertThat(kong.store().count("services")).isEqualTo(2);
    }

    @Test
    void anAdminTokenIsRequiredWhenConfigured() throws Exception {
        try (KongDouble secured = KongDouble.builder().adminToken("s3cret").build().start()) {
            AdminHttp anonymous = new AdminHttp(secured);
            AdminHttp authorised = new AdminHttp(secured.baseUrl(), Map.of("Kong-Admin-Token", "s3cret"));
            AdminHttp wrong = new AdminHttp(secured.baseUrl(), Map.of("Kong-Admin-Token", "nope"));

            assertThat(anonymous.get("/").status()).isEqualTo(401);
            assertThat(wrong.get("/services").status()).isEqualTo(401);
            assertThat(authorised.get("/").status()).isEqualTo(200);
        }
    }

    @Test
    void latencyOptionStillAnswersEveryRequest() throws Exception {
        try (KongDouble slow = KongDouble.builder().latency(java.time.Duration.ofMillis(5)).build().start()) {
            AdminHttp h = new AdminHttp(slow);
            assertThat(h.post("/services", j("{'host':'h'}")).status()).isEqualTo(201);
            assertThat(slow.stats().total()).isEqualTo(1);
        }
    }

    @Test
    void tagsEndpointListsEntitiesOfEveryKind() {
        kong.seed("services", j("{'host':'h','tags':['t1']}"));
        kong.seed("consumers", j("{'username':'u','tags':['t1','t2']}"));
        JsonNode r = http.get("/tags/t1").body();
        assertThat(r.get("data").size()).isEqualTo(2);
        assertThat(r.at("/data/0/tag").asText()).isEqualTo("t1");
    }

    @Test
    void extraPluginsCanBeRegisteredWithTheirConfigDefaults() throws Exception {
        try (KongDouble custom = KongDouble.builder()
                .plugin("my-plugin", "{\"header\":\"X-Id\",\"limit\":10,\"nested\":{\"on\":true},\"extra\":null}")
                .build().start()) {
            AdminHttp h = new AdminHttp(custom);
            JsonNode p = h.post("/plugins", j("{'name':'my-plugin','config':{'limit':5,'extra':{'any':['json']}}}")).body();
            assertThat(p.at("/config/header").asText()).isEqualTo("X-Id");
            assertThat(p.at("/config/limit").asInt()).isEqualTo(5);
            assertThat(p.at("/config/nested/on").asBoolean()).isTrue();
            assertThat(p.at("/config/extra/any/0").asText()).isEqualTo("json");
            assertThat(h.post("/plugins", j("{'name':'my-plugin','config':{'limit':'x'}}")).at("/fields/config/limit").asText())
                    .isEqualTo("expected an integer");
            assertThat(h.get("/schemas/plugins/my-plugin").raw()).contains("\"default\":\"X-Id\"");
        }
    }
}
