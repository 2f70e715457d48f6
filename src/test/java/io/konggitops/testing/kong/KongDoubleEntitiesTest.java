package io.konggitops.testing.kong;

import static io.konggitops.testing.kong.AdminHttp.j;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KongDoubleEntitiesTest extends DefaultDoubleTest {

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void createdServiceCarriesKongDefaultsAndExplicitNulls() {
        AdminHttp.Reply r = http.post("/services", j("{'name':'svc1','host':'example.com'}"));

        assertThat(r.status()).isEqualTo(201);
        JsonNode s = r.body();
        assertThat(s.get("id").asText()).matches("[0-9a-f-]{36}");
        assertThat(s.get("created_at").isIntegralNumber()).isTrue();
        assertThat(s.get("updated_at").isIntegralNumber()).isTrue();
        assertThat(s.get("protocol").asText()).isEqualTo("http");
        assertThat(s.get("port").asInt()).isEqualTo(80);
        assertThat(s.get("retries").asInt()).isEqualTo(5);
        assertThat(s.get("connect_timeout").asInt()).isEqualTo(60000);
        assertThat(s.get("enabled").asBoolean()).isTrue();
        for (String f : List.of("path", "tags", "client_certificate", "tls_verify", "tls_verify_depth", "ca_certificates")) {
            assertThat(s.has(f)).as(f).isTrue();
            assertThat(s.get(f).isNull()).as(f).isTrue();
        }
        assertThat(s.has("url")).isFalse();
    }

    @Test
    void suppliedIdIsKept() {
        String id = "6f1a3f0e-5b8a-4c43-9d5a-0a1b2c3d4e5f";
        AdminHttp.Reply r = http.post("/services", j("{'id':'" + id + "','host':'example.com'}"));
        assertThat(r.at("/id").asText()).isEqualTo(id);
        assertThat(http.get("/services/" + id).status()).isEqualTo(200);
    }

    @Test
    void urlShorthandBecomesProtocolHostPortAndPath() {
        JsonNode s = http.post("/services", j("{'url':'https://api.example.com/v1'}")).body();
        assertThat(s.get("protocol").asText()).isEqualTo("https");
        assertThat(s.get("host").asText()).isEqualTo("api.example.com");
        assertThat(s.get("port").asInt()).isEqualTo(443);
        assertThat(s.get("path").asText()).isEqualTo("/v1");
        assertThat(s.has("url")).isFalse();

        JsonNode noUrl = http.post("/services", j("{'protocol':'https','host':'b.example.com'}")).body();
        assertThat(noUrl.get("port").asInt()).as("port defaults to 80 even for https without url").isEqualTo(80);
    }

    @Test
    void routeDefaultsFollowTheSchemaAndSetsAreDeduplicatedInFirstSeenOrder() {
        JsonNode r = http.post("/routes", j("{'name':'r1','paths':['/a'],'methods':['POST','GET','POST'],"
                + "'tags':['b','a','b']}")).body();
        assertThat(texts(r.get("protocols"))).containsExactly("http", "https");
        assertThat(texts(r.get("methods"))).containsExactly("POST", "GET");
        assertThat(texts(r.get("tags"))).containsExactly("b", "a");
        assertThat(r.get("strip_path").asBoolean()).isTrue();
        assertThat(r.get("path_handling").asText()).isEqualTo("v0");
        assertThat(r.get("https_redirect_status_code").asInt()).isEqualTo(426);
        assertThat(r.get("regex_priority").asInt()).isZero();
        assertThat(r.get("request_buffering").asBoolean()).isTrue();
        assertThat(r.get("service").isNull()).isTrue();
        assertThat(r.get("hosts").isNull()).isTrue();
        assertThat(r.has("expression")).as("no expression field under traditional_compatible").isFalse();
    }

    @Test
    void grpcRoutesDefaultStripPathToFalse() {
        JsonNode r = http.post("/routes", j("{'protocols':['grpc'],'paths':['/svc']}")).body();
        assertThat(r.get("strip_path").asBoolean()).isFalse();
    }

    @Test
    void expressionsFlavorAddsExpressionAndPriorityFrom37() throws Exception {
        try (KongDouble expr = KongDouble.builder().routerFlavor("expressions").build().start()) {
            JsonNode r = new AdminHttp(expr).post("/routes", j("{'expression':'http.path == \\\"/a\\\"'}")).body();
            assertThat(r.get("priority").asInt()).isZero();
            assertThat(r.get("regex_priority").asInt()).isZero();
            assertThat(r.get("expression").asText()).isEqualTo("http.path == \"/a\"");
        }
    }

    @Test
    void expressionsFlavorBefore37UsesTheReducedRouteSchema() throws Exception {
        try (KongDouble old = KongDouble.builder().version("3.6.1").routerFlavor("expressions").build().start()) {
            AdminHttp.Reply r = new AdminHttp(old).post("/routes",
                    j("{'expression':'http.path == \\\"/a\\\"','regex_priority':1}"));
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.at("/message").asText()).isEqualTo("schema violation (regex_priority: unknown field)");
        }
    }

    @Test
    void putReplacesTheWholeEntityAndKeepsIdAndCreatedAt() {
        JsonNode created = http.post("/services", j("{'name':'svc1','host':'a.example.com','retries':1,'tags':['t']}")).body();
        String id = created.get("id").asText();

        AdminHttp.Reply r = http.put("/services/" + id, j("{'name':'svc1','host':'b.example.com'}"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.at("/id").asText()).isEqualTo(id);
        assertThat(r.at("/host").asText()).isEqualTo("b.example.com");
        assertThat(r.at("/retries").asInt()).as("omitted field reset to its default").isEqualTo(5);
        assertThat(r.at("/tags").isNull()).isTrue();
        assertThat(r.at("/created_at").asLong()).isEqualTo(created.get("created_at").asLong());
    }

    @Test
    void putByNameUpdatesTheNamedEntityOrCreatesIt() {
        String id = http.post("/services", j("{'name':'svc1','host':'a.example.com'}")).at("/id").asText();

        AdminHttp.Reply updated = http.put("/services/svc1", j("{'host':'b.example.com'}"));
        AdminHttp.Reply createdByName = http.put("/services/svc2", j("{'host':'c.example.com'}"));
        String newId = "0b9a2c43-a8f9-4a55-9a8e-4c5f3c7a1e11";
        AdminHttp.Reply createdById = http.put("/services/" + newId, j("{'host':'d.example.com'}"));

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.at("/id").asText()).isEqualTo(id);
        assertThat(updated.at("/name").asText()).isEqualTo("svc1");
        assertThat(createdByName.status()).isEqualTo(200);
        assertThat(createdByName.at("/name").asText()).isEqualTo("svc2");
        assertThat(createdById.at("/id").asText()).isEqualTo(newId);
        assertThat(kong.store().count("services")).isEqualTo(3);
    }

    @Test
    void patchMergesNestedRecordsAndReplacesArrays() {
        http.post("/upstreams", j("{'name':'up1'}"));

        JsonNode u = http.patch("/upstreams/up1", j("{'healthchecks':{'active':{'timeout':5,"
                + "'healthy':{'http_statuses':[200]}}},'slots':100}")).body();

        assertThat(u.at("/slots").asInt()).isEqualTo(100);
        assertThat(u.at("/healthchecks/active/timeout").asInt()).isEqualTo(5);
        assertThat(u.at("/healthchecks/active/concurrency").asInt()).as("sibling kept").isEqualTo(10);
        assertThat(u.at("/healthchecks/active/healthy/http_statuses").toString()).isEqualTo("[200]");
        assertThat(u.at("/healthchecks/active/healthy/interval").asInt()).isZero();
        assertThat(u.at("/healthchecks/passive/unhealthy/http_statuses").toString()).isEqualTo("[429,500,503]");
        assertThat(u.at("/algorithm").asText()).isEqualTo("round-robin");
    }

    @Test
    void patchMergesPluginConfigAndPutResetsIt() {
        String id = http.post("/plugins", j("{'name':'cors','config':{'origins':['a'],'max_age':10}}")).at("/id").asText();

        JsonNode patched = http.patch("/plugins/" + id, j("{'config':{'credentials':true}}")).body();
        assertThat(patched.at("/config/origins").toString()).isEqualTo("[\"a\"]");
        assertThat(patched.at("/config/credentials").asBoolean()).isTrue();

        JsonNode put = http.put("/plugins/" + id, j("{'name':'cors','config':{'credentials':true}}")).body();
        assertThat(put.at("/config/origins").isNull()).isTrue();
        assertThat(put.at("/config/max_age").isNull()).isTrue();
        assertThat(put.at("/config/preflight_continue").asBoolean()).isFalse();
        assertThat(put.at("/protocols").toString()).isEqualTo("[\"grpc\",\"grpcs\",\"http\",\"https\"]");
    }

    @Test
    void patchOfAnAbsentEntityIsNotFound() {
        AdminHttp.Reply r = http.patch("/services/nope", j("{'retries':1}"));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body().toString()).isEqualTo("{\"message\":\"Not found\"}");
    }

    @Test
    void deleteAnswers204WithoutBodyEvenWhenTheEntityIsAbsent() {
        http.post("/services", j("{'name':'svc1','host':'a.example.com'}"));

        AdminHttp.Reply gone = http.delete("/services/svc1");
        AdminHttp.Reply absent = http.delete("/services/svc1");
        AdminHttp.Reply absentById = http.delete("/services/0b9a2c43-a8f9-4a55-9a8e-4c5f3c7a1e11");

        assertThat(gone.status()).isEqualTo(204);
        assertThat(gone.raw()).isEmpty();
        assertThat(absent.status()).isEqualTo(204);
        assertThat(absentById.status()).isEqualTo(204);
        assertThat(kong.store().count("services")).isZero();
    }

    @Test
    void entitiesAreFoundByTheirEndpointKey() {
        http.post("/consumers", j("{'username':'alice','custom_id':'c-1'}"));
        http.post("/upstreams", j("{'name':'up1'}"));
        http.post("/plugins", j("{'name':'key-auth','instance_name':'ka'}"));

        assertThat(http.get("/consumers/alice").at("/custom_id").asText()).isEqualTo("c-1");
        assertThat(http.get("/upstreams/up1").status()).isEqualTo(200);
        assertThat(http.get("/plugins/ka").at("/name").asText()).isEqualTo("key-auth");
        AdminHttp.Reply byCustomId = http.get("/consumers?custom_id=c-1");
        assertThat(byCustomId.at("/data/0/username").asText()).isEqualTo("alice");
        assertThat(byCustomId.at("/next").isNull()).isTrue();
        assertThat(http.get("/ca_certificates/not-a-uuid").at("/name").asText()).isEqualTo("invalid primary key");
    }

    @Test
    void nestedCollectionsSetAndCheckTheForeignKey() {
        String svc = http.post("/services", j("{'name':'svc1','host':'a.example.com'}")).at("/id").asText();
        http.post("/services", j("{'name':'svc2','host':'b.example.com'}"));

        AdminHttp.Reply route = http.post("/services/svc1/routes", j("{'name':'r1','paths':['/']}"));
        http.post("/routes/r1/plugins", j("{'name':'cors'}"));
        http.post("/services/svc1/plugins", j("{'name':'key-auth'}"));

        assertThat(route.status()).isEqualTo(201);
        assertThat(route.at("/service/id").asText()).isEqualTo(svc);
        assertThat(http.get("/services/svc1/routes").at("/data").size()).isEqualTo(1);
        assertThat(http.get("/services/svc2/routes").at("/data").size()).isZero();
        assertThat(http.get("/services/svc1/routes/r1").status()).isEqualTo(200);
        assertThat(http.get("/services/svc2/routes/r1").status()).isEqualTo(404);
        assertThat(http.get("/routes/r1/plugins").at("/data/0/name").asText()).isEqualTo("cors");
        assertThat(http.get("/services/svc1/plugins").at("/data/0/name").asText()).isEqualTo("key-auth");
        assertThat(http.get("/routes/r1/service").at("/name").asText()).isEqualTo("svc1");
        assertThat(http.get("/services/nope/routes").status()).isEqualTo(404);
    }

    @Test
    void consumerCredentialsLiveUnderTheConsumerAndAtTopLevel() {
        http.post("/consumers", j("{'username':'alice'}"));

        AdminHttp.Reply key = http.post("/consumers/alice/key-auth", j("{'key':'secret-1'}"));
        AdminHttp.Reply generated = http.post("/consumers/alice/key-auth", j("{}"));
        AdminHttp.Reply basic = http.post("/consumers/alice/basic-auth", j("{'username':'al','password':'pw'}"));

        assertThat(key.status()).isEqualTo(201);
        assertThat(generated.at("/key").asText()).hasSize(32);
        assertThat(basic.at("/password").asText()).as("stored hashed").isNotEqualTo("pw").hasSize(40);
        assertThat(http.get("/key-auths").at("/data").size()).isEqualTo(2);
        assertThat(http.get("/consumers/alice/key-auth").at("/data").size()).isEqualTo(2);
        assertThat(http.post("/consumers/alice/key-auth", j("{'key':'secret-1'}")).status()).isEqualTo(409);
    }

    @Test
    void upstreamHashOnShorthandRewritesTheAlgorithm() {
        JsonNode u = http.post("/upstreams", j("{'name':'up1','hash_on':'ip'}")).body();
        JsonNode l = http.post("/upstreams", j("{'name':'up2','algorithm':'least-connections'}")).body();
        assertThat(u.get("algorithm").asText()).isEqualTo("consistent-hashing");
        assertThat(l.get("hash_on").asText()).isEqualTo("none");
        assertThat(u.at("/healthchecks/threshold").asInt()).isZero();
        assertThat(u.at("/healthchecks/active/https_verify_certificate").asBoolean()).isTrue();
    }
}
