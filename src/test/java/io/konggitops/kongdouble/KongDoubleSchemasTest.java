package io.konggitops.kongdouble;

import static io.konggitops.kongdouble.AdminHttp.j;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KongDoubleSchemasTest extends DefaultDoubleTest {
    private static final Map<String, String> MINIMAL = Map.of(
            "services", "{'host':'h'}", "routes", "{'paths':['/']}", "upstreams", "{'name':'u'}",
            "certificates", "{'cert':'C','key':'K'}", "consumers", "{'username':'u'}", "ca_certificates", "{'cert':'C'}");

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
            JsonNode created = http.post("/plugins", j("{'name':'" + plugin + "'}")).body();
            ObjectNode fromSchema = defaultsOf(http.get("/schemas/plugins/" + plugin).at("/fields"));
            assertThat(created.get("config")).as(plugin).isEqualTo(fromSchema.get("config"));
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
    void defaultsMatchTheSharedKongDefaultsTable() throws Exception {
        JsonNode table;
        try (java.io.InputStream in = getClass().getResourceAsStream(io.konggitops.apply.KongDefaults.RESOURCE)) {
            table = KongDouble.JSON.readTree(in);
        }
        MINIMAL.forEach((entity, body) -> {
            JsonNode created = http.post("/" + entity, j(body)).body();
            JsonNode given = KongDoubleTestJson.parse(j(body));
            table.get(entity).fields().forEachRemaining(e -> {
                String f = e.getKey();
                JsonNode expected = e.getValue();
                if (given.has(f) || f.startsWith("_") || (expected.isTextual() && expected.asText().startsWith("<"))) return;
                assertThat(created.has(f)).as(entity + "." + f + " present").isTrue();
                assertThat(created.get(f)).as(entity + "." + f).isEqualTo(expected);
            });
        });
    }
}
