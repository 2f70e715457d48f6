package io.konggitops.testing.kong;

import static io.konggitops.testing.kong.KongDoubleTestJson.*;
import static io.konggitops.testing.kong.AdminHttp.j;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KongDoubleSchemasTest extends DefaultDoubleTest {
    private static final Map<String, String> MINIMAL = Map.of(
            "services", "{'host':'h'}", "routes", "{'paths':['/']}", "upstreams", "{'name':'u'}",
            "certificates", "{'cert':'" + CERT + "','key':'" + KEY + "'}", "consumers", "{'username':'u'}", "ca_certificates", "{'cert':'" + CA + "'}");

    /** What a differ learns from a schema: each field's default, records completed recursively, null otherwise. */
    static ObjectNode defaultsOf(JsonNode fields) {
        ObjectNode out = KongDouble.JSON.createObjectNode();
        for (JsonNode wrapper : fields) {
            Map.Entry<String, JsonNode> f = wrapper.fields().next();
            JsonNode def = f.getValue();
            if (def.path("auto").asBoolean(false)) continue;
            if (def.has("default")) out.set(f.getKey(), def.get("default"));
            else if (def.path("type").asText().equals("record")) out.set(f.getKey(), defaultsOf(def.get("fields")));
            else out.putNull(f.getKey());
        }
        return out;
    }

    @Test
    void entitySchemasCarryTheDefaultsThatWritesFillIn() {
        MINIMAL.forEach((entity, body) -> {
            ObjectNode created = (ObjectNode) http.post("/" + entity, j(body)).body();
            ObjectNode fromSchema = defaultsOf(http.get("/schemas/" + entity).at("/fields"));
            ObjectNode given = (ObjectNode) KongDouble.JSON.valueToTree(KongDoubleTestJson.parse(j(body)));
            fromSchema.setAll(given);
            Iterator<String> names = fromSchema.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                if (n.equals("cert_digest")) continue;
                assertThat(created.get(n)).as(entity + "." + n).isEqualTo(fromSchema.get(n));
            }
        });
    }

    @Test
    void pluginSchemasCarryTheConfigDefaults() {
        for (String plugin : new String[] {"cors", "key-auth", "rate-limiting", "request-transformer", "correlation-id"}) {
            String config = plugin.equals("rate-limiting") ? ",'config':{'minute':5}" : "";
            JsonNode created = http.post("/plugins", j("{'name':'" + plugin + "'" + config + "}")).body();
            ObjectNode fromSchema = defaultsOf(http.get("/schemas/plugins/" + plugin).at("/fields"));
            ObjectNode expected = (ObjectNode) fromSchema.get("config");
            if (plugin.equals("rate-limiting")) {
                expected.put("minute", 5);
                // a select shows each shorthand (redis_host, ...) with the value of its new field
                for (String f : new String[] {"host", "port", "password", "username", "ssl", "ssl_verify",
                        "server_name", "timeout", "database"}) {
                    expected.set("redis_" + f, expected.get("redis").get(f));
                }
            }
            assertThat(created.get("config")).as(plugin).isEqualTo(expected);
            assertThat(created.get("protocols")).isEqualTo(fromSchema.get("protocols"));
        }
    }

    @Test
    void routeSchemaFollowsTheRouterFlavor() throws Exception {
        assertThat(http.get("/schemas/routes").raw()).doesNotContain("\"expression\"");
        try (KongDouble expr = KongDouble.builder().routerFlavor("expressions").build().start()) {
            String schema = new AdminHttp(expr).get("/schemas/routes").raw();
            assertThat(schema).contains("\"expression\"", "\"priority\"", "\"regex_priority\"");
        }
    }

    @Test
    void unknownSchemasAndDisabledSchemaEndpointsAreNotFound() throws Exception {
        assertThat(http.get("/schemas/nope").at("/message").asText()).isEqualTo("No entity named 'nope'");
        assertThat(http.get("/schemas/plugins/nope").at("/message").asText()).isEqualTo("No plugin named 'nope'");
        try (KongDouble hidden = KongDouble.builder().schemaEndpoints(false).build().start()) {
            AdminHttp h = new AdminHttp(hidden);
            assertThat(h.get("/schemas/services").status()).isEqualTo(404);
            assertThat(h.get("/schemas/plugins/cors").status()).isEqualTo(404);
        }
    }

    @Test
    void schemaValidateEndpointChecksWithoutStoring() {
        assertThat(http.post("/schemas/services/validate", j("{'host':'h'}")).at("/message").asText())
                .isEqualTo("schema validation successful");
        assertThat(http.post("/schemas/services/validate", j("{}")).at("/fields/host").asText())
                .isEqualTo("required field missing");
        assertThat(kong.store().size()).isZero();
    }

    @Test
    void anUpstreamGetsTheHealthcheckDefaultsOfKongsUpstreamsSchema() {
        // kong/db/schema/entities/upstreams.lua healthchecks_config
        JsonNode hc = http.post("/upstreams", j("{'name':'u'}")).body().get("healthchecks");

        assertThat(hc.at("/active/http_path").asText()).isEqualTo("/");
        assertThat(hc.at("/active/timeout").asInt()).isEqualTo(1);
        assertThat(hc.at("/active/concurrency").asInt()).isEqualTo(10);
        assertThat(hc.at("/active/https_verify_certificate").asBoolean()).isTrue();
        assertThat(hc.at("/active/healthy/http_statuses").toString()).isEqualTo("[200,302]");
        assertThat(hc.at("/active/unhealthy/http_statuses").toString())
                .isEqualTo("[429,404,500,501,502,503,504,505]");
        assertThat(hc.at("/passive/unhealthy/http_statuses").toString()).isEqualTo("[429,500,503]");
        assertThat(hc.at("/passive/healthy/http_statuses")).hasSize(19);
        assertThat(hc.at("/threshold").asInt()).isZero();
    }

    @Test
    void anEntitySchemaHasKongsShape() {
        // kong/api/routes/kong.lua GET /schemas/:name -> api_helpers.schema_to_jsonable(schema)
        JsonNode services = http.get("/schemas/services").body();
        assertThat(services.get("name").asText()).isEqualTo("services");
        assertThat(services.get("primary_key").toString()).isEqualTo("[\"id\"]");
        assertThat(services.get("endpoint_key").asText()).isEqualTo("name");
        assertThat(services.at("/fields/0/id/type").asText()).isEqualTo("string");
        assertThat(services.at("/fields/0/id/uuid").asBoolean()).isTrue();
        assertThat(services.at("/fields/0/id/auto").asBoolean()).isTrue();
        assertThat(services.at("/fields/1").fieldNames().next()).isEqualTo("created_at");
        JsonNode targets = http.get("/schemas/targets").body();
        assertThat(targets.get("cache_key").toString()).isEqualTo("[\"upstream\",\"target\"]");
        assertThat(http.get("/schemas/certificates").at("/entity_checks/0/mutually_required").toString())
                .isEqualTo("[\"cert_alt\",\"key_alt\"]");
        assertThat(http.get("/schemas/routes").at("/entity_checks/0/conditional/then_field").asText()).isEqualTo("snis");
    }

    @Test
    void aPluginSchemaIsThePluginsOwnSubschema() {
        // kong/api/routes/kong.lua GET /schemas/plugins/:name -> the subschema of kong/plugins/<name>/schema.lua
        JsonNode cors = http.get("/schemas/plugins/cors").body();

        assertThat(cors.get("name").asText()).isEqualTo("cors");
        assertThat(cors.at("/fields/0/protocols/default").toString()).isEqualTo("[\"grpc\",\"grpcs\",\"http\",\"https\"]");
        assertThat(cors.at("/fields/1/config/type").asText()).isEqualTo("record");
        assertThat(cors.at("/fields/1/config/required").asBoolean()).isTrue();
        assertThat(cors.at("/fields").findValuesAsText("reference")).isEmpty();
    }
}
