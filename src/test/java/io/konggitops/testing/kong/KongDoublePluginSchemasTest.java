package io.konggitops.testing.kong;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The double's plugin schemas as Kong 3.9.1's {@code kong/plugins/<name>/schema.lua} define them. */
class KongDoublePluginSchemasTest {
    private KongDouble kong;
    private AdminHttp http;

    @BeforeEach
    void start() throws java.io.IOException {
        kong = KongDouble.builder().build().start();
        http = new AdminHttp(kong);
    }

    @AfterEach
    void stop() {
        kong.close();
    }

    private static String j(String s) {
        return s.replace('\'', '"');
    }

    @Test
    void aDeprecatedRedisShorthandIsStoredUnderTheNewRedisRecordAndReadBackUnderBothNames() {
        JsonNode created = http.post("/plugins", j("{'name':'rate-limiting','config':{'minute':5,'policy':'redis',"
                + "'redis_host':'redis.example','redis_port':6380}}")).body();
        assertThat(created.at("/config/redis/host").asText()).isEqualTo("redis.example");
        assertThat(created.at("/config/redis/port").asInt()).isEqualTo(6380);
        assertThat(created.at("/config/redis_host").asText()).isEqualTo("redis.example");
        assertThat(created.at("/config/redis_timeout").asInt()).isEqualTo(2000);
    }

    @Test
    void aShorthandAndItsNewFieldWithDifferentValuesAreRejectedWithKongsMessage() {
        AdminHttp.Reply r = http.post("/plugins", j("{'name':'rate-limiting','config':{'minute':5,"
                + "'redis_host':'a.example','redis':{'host':'b.example'}}}"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().at("/fields/config/redis_host").asText())
                .isEqualTo("both deprecated and new field are used but their values mismatch: redis_host = a.example"
                        + " vs redis.host = b.example");
    }

    @Test
    void patchingTheNewFieldOfAPluginCreatedThroughAShorthandIsAccepted() {
        JsonNode created = http.post("/plugins", j("{'name':'rate-limiting','config':{'minute':5,"
                + "'redis_host':'a.example'}}")).body();
        JsonNode patched = http.patch("/plugins/" + created.get("id").asText(),
                j("{'config':{'redis':{'host':'b.example'}}}")).body();
        assertThat(patched.at("/config/redis_host").asText()).isEqualTo("b.example");
    }

    @Test
    void theSchemaEndpointMarksEncryptedAndReferenceableFieldsAndListsShorthands() {
        JsonNode schema = http.get("/schemas/plugins/rate-limiting").body();
        JsonNode config = schema.at("/fields/1/config");
        JsonNode redis = null;
        for (JsonNode f : config.get("fields")) if (f.has("redis")) redis = f.get("redis");
        JsonNode password = null;
        for (JsonNode f : redis.get("fields")) if (f.has("password")) password = f.get("password");
        assertThat(password.get("encrypted").asBoolean()).isTrue();
        assertThat(password.get("referenceable").asBoolean()).isTrue();
        assertThat(config.get("shorthand_fields").toString())
                .contains("\"redis_host\"").contains("\"replaced_with\":[{\"path\":[\"redis\",\"host\"]}]");
    }

    @Test
    void preFunctionPhasesDefaultToEmptyArraysAndProxyCacheResponseCodesAreIntegers() {
        JsonNode pre = http.post("/plugins", j("{'name':'pre-function','config':{'access':['return']}}")).body();
        assertThat(pre.at("/config/log").isArray()).isTrue();
        assertThat(pre.at("/config/access/0").asText()).isEqualTo("return");
        JsonNode cache = http.post("/plugins", j("{'name':'proxy-cache','config':{'strategy':'memory'}}")).body();
        assertThat(cache.at("/config/response_code/0").asInt()).isEqualTo(200);
        assertThat(cache.at("/config/response_headers/age").asBoolean()).isTrue();
        AdminHttp.Reply bad = http.post("/plugins", j("{'name':'proxy-cache','config':{}}"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().at("/fields/config/strategy").asText()).isEqualTo("required field missing");
    }
}
