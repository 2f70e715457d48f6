package io.konggitops.testing.kong;

import static io.konggitops.testing.kong.KongDoubleTestJson.*;
import static io.konggitops.testing.kong.AdminHttp.j;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KongDoubleDblessTest {
    private static final String YAML = """
            _format_version: "3.0"
            services:
            - name: svc1
              host: example.com
              routes:
              - name: r1
                paths: [/a]
                plugins:
                - name: cors
            upstreams:
            - name: up1
              targets:
              - target: 10.0.0.1
            certificates:
            - cert: "CERT_PEM"
              key: "KEY_PEM"
              snis: [a.example.com]
            consumers:
            - username: alice
              keyauth_credentials:
              - key: k1
            plugins:
            - name: key-auth
              service: svc1
            """.replace("CERT_PEM", CERT).replace("KEY_PEM", KEY);

    private KongDouble kong;
    private AdminHttp http;

    @BeforeEach
    void start() throws Exception {
        kong = KongDouble.builder().dbless().build().start();
        http = new AdminHttp(kong);
    }

    @AfterEach
    void stop() {
        kong.close();
    }

    @Test
    void everyEntityWriteAnswers405WithKongsMessage() {
        AdminHttp.Reply post = http.post("/services", j("{'host':'a'}"));
        AdminHttp.Reply put = http.put("/services/svc1", j("{'host':'a'}"));
        AdminHttp.Reply patch = http.patch("/routes/r1", j("{}"));
        AdminHttp.Reply delete = http.delete("/consumers/alice");

        assertThat(post.status()).isEqualTo(405);
        assertThat(post.body().toString()).isEqualTo("{\"code\":12,\"name\":\"operation unsupported\","
                + "\"message\":\"cannot create 'services' entities when not using a database\"}");
        assertThat(put.at("/message").asText()).isEqualTo("cannot create or update 'services' entities when not using a database");
        assertThat(patch.at("/message").asText()).isEqualTo("cannot update 'routes' entities when not using a database");
        assertThat(delete.at("/message").asText()).isEqualTo("cannot remove 'consumers' entities when not using a database");
    }

    @Test
    void rootAndStatusReportDblessMode() {
        assertThat(http.get("/").at("/configuration/database").asText()).isEqualTo("off");
        JsonNode status = http.get("/status").body();
        assertThat(status.has("database")).isFalse();
        assertThat(status.get("configuration_hash").asText()).isEqualTo("00000000000000000000000000000000");
    }

    @Test
    void postConfigReplacesTheWholeStateFromYaml() {
        kong.seed("services", j("{'name':'old','host':'h'}"));

        AdminHttp.Reply r = http.send("POST", "/config", YAML, "application/x-yaml");

        assertThat(r.status()).isEqualTo(201);
        assertThat(http.get("/services/old").status()).isEqualTo(404);
        JsonNode route = http.get("/routes/r1").body();
        assertThat(route.at("/service/id").asText()).isEqualTo(http.get("/services/svc1").at("/id").asText());
        assertThat(route.at("/strip_path").asBoolean()).as("defaults filled").isTrue();
        assertThat(http.get("/routes/r1/plugins").at("/data/0/name").asText()).isEqualTo("cors");
        assertThat(http.get("/upstreams/up1/targets").at("/data/0/target").asText()).isEqualTo("10.0.0.1:8000");
        assertThat(http.get("/certificates/a.example.com").at("/snis/0").asText()).isEqualTo("a.example.com");
        assertThat(http.get("/consumers/alice/key-auth").at("/data/0/key").asText()).isEqualTo("k1");
        assertThat(http.get("/services/svc1/plugins").at("/data/0/name").asText()).isEqualTo("key-auth");
        assertThat(http.get("/status").at("/configuration_hash").asText()).isEqualTo(kong.configurationHash())
                .isNotEqualTo(DeclarativeConfig.EMPTY_HASH).hasSize(32);
        assertThat(http.get("/config").at("/config").asText()).contains("svc1");
    }

    @Test
    void idsWithoutIdAreDeterministic() {
        http.send("POST", "/config", YAML, "application/x-yaml");
        String first = http.get("/services/svc1").at("/id").asText();
        http.send("POST", "/config", YAML.replace("example.com", "other.example.com"), "application/x-yaml");
        assertThat(http.get("/services/svc1").at("/id").asText()).isEqualTo(first);
    }

    @Test
    void checkHashAnswers304ForAnUnchangedSerialisedConfig() {
        String wrapped = KongDouble.JSON.createObjectNode().put("config", YAML).toString();

        AdminHttp.Reply first = http.send("POST", "/config?check_hash=1", YAML, "application/x-yaml");
        AdminHttp.Reply again = http.send("POST", "/config?check_hash=1", YAML, "application/x-yaml");
        AdminHttp.Reply asConfigParam = http.send("POST", "/config?check_hash=1", wrapped, "application/json");
        AdminHttp.Reply withoutCheck = http.send("POST", "/config", YAML, "application/x-yaml");

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(304);
        assertThat(asConfigParam.status()).isEqualTo(304);
        assertThat(withoutCheck.status()).isEqualTo(201);
    }

    @Test
    void aTopLevelJsonObjectSkipsTheHashShortcut() {
        String json = j("{'_format_version':'3.0','services':[{'name':'s','host':'h'}]}");
        assertThat(http.send("POST", "/config?check_hash=1", json, "application/json").status()).isEqualTo(201);
        assertThat(http.send("POST", "/config?check_hash=1", json, "application/json").status()).isEqualTo(201);
        assertThat(kong.store().count("services")).isEqualTo(1);
    }

    @Test
    void invalidConfigAnswersCode14WithFlattenedErrors() {
        String bad = j("{'_format_version':'3.0','services':[{'name':'ok','host':'h'},"
                + "{'name':'bad','port':'x','tags':['k8s-name:x'],'routes':[{'name':'r'}]}]}");

        AdminHttp.Reply r = http.send("POST", "/config?flatten_errors=1", bad, "application/json");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.at("/code").asInt()).isEqualTo(14);
        assertThat(r.at("/name").asText()).isEqualTo("invalid declarative configuration");
        assertThat(r.at("/message").asText()).startsWith("declarative config is invalid: {services=");
        assertThat(r.at("/fields/services/0").isNull()).isTrue();
        assertThat(r.at("/fields/services/1/host").asText()).isEqualTo("required field missing");
        JsonNode item = r.at("/flattened_errors/0");
        assertThat(item.get("entity_type").asText()).isEqualTo("service");
        assertThat(item.get("entity_name").asText()).isEqualTo("bad");
        assertThat(item.get("entity_tags").toString()).isEqualTo("[\"k8s-name:x\"]");
        assertThat(item.at("/entity/port").asText()).isEqualTo("x");
        assertThat(item.get("errors").toString()).contains("{\"type\":\"field\",\"field\":\"host\",\"message\":\"required field missing\"}")
                .contains("{\"type\":\"field\",\"field\":\"port\",\"message\":\"expected an integer\"}");
        assertThat(item.has("entity_id")).as("left out unless a valid UUID was given").isFalse();
        assertThat(item.get("entity").has("routes")).as("children are removed from the entity").isFalse();
        JsonNode route = r.at("/flattened_errors/1");
        assertThat(route.get("entity_type").asText()).as("nested children are hoisted").isEqualTo("route");
        assertThat(route.get("entity_name").asText()).isEqualTo("r");
        assertThat(route.at("/errors/0/type").asText()).isEqualTo("entity");
        assertThat(r.at("/fields/services/1/routes/0/@entity/0").asText()).startsWith("must set one of");
        assertThat(kong.store().size()).as("nothing loaded").isZero();
        assertThat(http.send("POST", "/config", bad, "application/json").body().has("flattened_errors")).isFalse();
    }

    @Test
    void missingOrUnknownFormatVersionIsInvalid() {
        AdminHttp.Reply missing = http.send("POST", "/config", j("{'services':[]}"), "application/json");
        AdminHttp.Reply old = http.send("POST", "/config", "_format_version: \"0.9\"\n", "text/yaml");
        assertThat(missing.at("/fields/_format_version").asText()).isEqualTo("required field missing");
        assertThat(old.at("/fields/_format_version").asText()).isEqualTo("expected one of: 1.1, 2.1, 3.0");
        assertThat(http.send("POST", "/config", "", "text/yaml").at("/message").asText())
                .isEqualTo("expected a declarative configuration");
    }

    @Test
    void postConfigIsRefusedInDatabaseMode() throws Exception {
        try (KongDouble db = KongDouble.startDefault()) {
            AdminHttp.Reply r = new AdminHttp(db).send("POST", "/config", YAML, "text/yaml");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.at("/message").asText())
                    .isEqualTo("this endpoint is only available when Kong is configured to not use a database");
        }
    }
}
