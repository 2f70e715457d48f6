package io.konggitops.testing.kong;

import static io.konggitops.testing.kong.KongDoubleTestJson.*;
import static io.konggitops.testing.kong.AdminHttp.j;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class KongDoubleErrorsTest extends DefaultDoubleTest {

    @Test
    void schemaViolationsListEveryFieldLikeKong() {
        AdminHttp.Reply r = http.post("/services", j("{'port':70000}"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.at("/code").asInt()).isEqualTo(2);
        assertThat(r.at("/name").asText()).isEqualTo("schema violation");
        assertThat(r.at("/fields/host").asText()).isEqualTo("required field missing");
        assertThat(r.at("/fields/port").asText()).isEqualTo("value should be between 0 and 65535");
        assertThat(r.at("/message").asText()).isEqualTo(
                "2 schema violations (host: required field missing; port: value should be between 0 and 65535)");
    }

    @Test
    void unknownFieldsAndWrongTypesAreSchemaViolations() {
        AdminHttp.Reply unknown = http.post("/services", j("{'host':'a','colour':'red'}"));
        AdminHttp.Reply wrongType = http.post("/services", j("{'host':'a','retries':'many','enabled':'yes'}"));
        AdminHttp.Reply badProtocol = http.post("/services", j("{'host':'a','protocol':'ftp'}"));

        assertThat(unknown.at("/message").asText()).isEqualTo("schema violation (colour: unknown field)");
        assertThat(wrongType.at("/fields/retries").asText()).isEqualTo("expected an integer");
        assertThat(wrongType.at("/fields/enabled").asText()).isEqualTo("expected a boolean");
        assertThat(badProtocol.at("/fields/protocol").asText()).startsWith("expected one of: grpc, grpcs, http, https");
    }

    @Test
    void entityChecksGoUnderAtEntity() {
        AdminHttp.Reply route = http.post("/routes", j("{'name':'r1'}"));
        AdminHttp.Reply httpOnly = http.post("/routes", j("{'protocols':['http']}"));
        AdminHttp.Reply consumer = http.post("/consumers", j("{'tags':['x']}"));

        assertThat(route.at("/fields/@entity/0").asText())
                .isEqualTo("must set one of 'methods', 'hosts', 'headers', 'paths', 'snis' when 'protocols' is 'https'");
        assertThat(route.at("/message").asText()).isEqualTo(
                "schema violation (must set one of 'methods', 'hosts', 'headers', 'paths', 'snis' when 'protocols' is 'https')");
        assertThat(httpOnly.at("/fields/@entity/0").asText())
                .isEqualTo("must set one of 'methods', 'hosts', 'headers', 'paths' when 'protocols' is 'http'");
        assertThat(consumer.at("/fields/@entity/0").asText())
                .isEqualTo("at least one of these fields must be non-empty: 'custom_id', 'username'");
    }

    @Test
    void nestedRecordViolationsNest() {
        AdminHttp.Reply r = http.post("/upstreams", j("{'name':'u','healthchecks':{'active':{'timeout':'x'}}}"));
        assertThat(r.at("/fields/healthchecks/active/timeout").asText()).isEqualTo("expected a number");
        AdminHttp.Reply p = http.post("/plugins", j("{'name':'cors','config':{'nope':1}}"));
        assertThat(p.at("/fields/config/nope").asText()).isEqualTo("unknown field");
        AdminHttp.Reply unknownPlugin = http.post("/plugins", j("{'name':'not-a-plugin'}"));
        assertThat(unknownPlugin.at("/fields/name").asText())
                .isEqualTo("plugin 'not-a-plugin' not enabled; add it to the 'plugins' configuration property");
    }

    @Test
    void unknownForeignKeyIsAForeignKeyViolation() {
        String missing = "0b9a2c43-a8f9-4a55-9a8e-4c5f3c7a1e11";
        AdminHttp.Reply r = http.post("/routes", j("{'paths':['/'],'service':{'id':'" + missing + "'}}"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.at("/code").asInt()).isEqualTo(4);
        assertThat(r.at("/name").asText()).isEqualTo("foreign key violation");
        assertThat(r.at("/message").asText()).isEqualTo(
                "the foreign key '{id=\"" + missing + "\"}' does not reference an existing 'services' entity.");
        assertThat(r.at("/fields/service/id").asText()).isEqualTo(missing);
        assertThat(http.post("/routes", j("{'paths':['/'],'service':{'id':'nope'}}")).at("/fields/service/id").asText())
                .isEqualTo("expected a valid UUID");
    }

    @Test
    void missingEntityIsNotFound() {
        AdminHttp.Reply r = http.get("/services/nope");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body().toString()).isEqualTo("{\"message\":\"Not found\"}");
        assertThat(http.get("/no-such-collection").status()).isEqualTo(404);
        assertThat(http.get("/certificates/unknown.example.com").at("/message").asText()).isEqualTo("SNI not found");
    }

    @Test
    void duplicateNamesAreUniqueViolations() {
        http.post("/services", j("{'name':'svc1','host':'a'}"));
        AdminHttp.Reply r = http.post("/services", j("{'name':'svc1','host':'b'}"));

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body().toString()).isEqualTo("{\"code\":5,\"name\":\"unique constraint violation\","
                + "\"message\":\"UNIQUE violation detected on '{name=\\\"svc1\\\"}'\",\"fields\":{\"name\":\"svc1\"}}");
    }

    @Test
    void samePluginTwiceOnOneRouteIsAUniqueViolation() {
        http.post("/routes", j("{'name':'r1','paths':['/']}"));
        http.post("/routes/r1/plugins", j("{'name':'cors'}"));
        AdminHttp.Reply r = http.post("/routes/r1/plugins", j("{'name':'cors'}"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.at("/message").asText()).startsWith("UNIQUE violation detected on '{consumer=null,name=\"cors\",route={id=");
        assertThat(http.post("/plugins", j("{'name':'cors'}")).status()).as("a global one is a different key").isEqualTo(201);
    }

    @Test
    void malformedJsonIsABadRequest() {
        AdminHttp.Reply r = http.post("/services", "{not json");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.at("/message").asText()).isEqualTo("Cannot parse JSON body");
    }

    @Test
    void deletingAReferencedServiceIsRestricted() {
        http.post("/services", j("{'name':'svc1','host':'a'}"));
        http.post("/services/svc1/routes", j("{'name':'r1','paths':['/']}"));

        AdminHttp.Reply r = http.delete("/services/svc1");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.at("/code").asInt()).isEqualTo(4);
        assertThat(r.at("/message").asText()).isEqualTo("an existing 'routes' entity references this 'services' entity");
        assertThat(r.at("/fields/@referenced_by").asText()).isEqualTo("routes");
        assertThat(kong.store().count("services")).isEqualTo(1);
    }

    @Test
    void deletesCascadeToPluginsTargetsSnisAndCredentials() {
        http.post("/services", j("{'name':'svc1','host':'a'}"));
        http.post("/services/svc1/routes", j("{'name':'r1','paths':['/']}"));
        http.post("/routes/r1/plugins", j("{'name':'cors'}"));
        http.post("/services/svc1/plugins", j("{'name':'key-auth'}"));
        http.post("/upstreams", j("{'name':'up1'}"));
        http.post("/upstreams/up1/targets", j("{'target':'10.0.0.1'}"));
        String cert = http.post("/certificates", j("{'cert':'" + CERT + "','key':'" + KEY + "','snis':['a.example.com']}")).at("/id").asText();
        http.post("/consumers", j("{'username':'alice'}"));
        http.post("/consumers/alice/key-auth", j("{}"));
        http.post("/consumers/alice/plugins", j("{'name':'rate-limiting','config':{'minute':5}}"));

        http.delete("/routes/r1");
        assertThat(kong.store().count("plugins")).as("route plugin cascaded").isEqualTo(2);
        http.delete("/services/svc1");
        http.delete("/upstreams/up1");
        http.delete("/certificates/" + cert);
        http.delete("/consumers/alice");

        assertThat(kong.store().count("plugins")).isZero();
        assertThat(kong.store().count("targets")).isZero();
        assertThat(kong.store().count("snis")).isZero();
        assertThat(kong.store().count("keyauth_credentials")).isZero();
        assertThat(kong.store().size()).isZero();
    }

    @Test
    void routePathsMustStartWithSlashOrTilde() {
        JsonNode r = http.post("/routes", j("{'paths':['/ok','bad']}")).body();
        assertThat(r.at("/fields/paths/1").asText()).isEqualTo("should start with: / (fixed path) or ~/ (regex path)");
        assertThat(r.at("/fields/paths/0").isNull()).isTrue();
    }

    @Test
    void protocolDependentServiceFieldsMustBeNull() {
        AdminHttp.Reply tcpPath = http.post("/services", j("{'host':'h','protocol':'tcp','path':'/x'}"));
        AdminHttp.Reply httpVerify = http.post("/services", j("{'host':'h','tls_verify':true}"));
        assertThat(tcpPath.at("/fields/path").asText()).isEqualTo("value must be null");
        assertThat(httpVerify.at("/fields/tls_verify").asText()).isEqualTo("value must be null");
        assertThat(http.post("/services", j("{'host':'h','protocol':'https','tls_verify':true}")).status()).isEqualTo(201);
    }

    @Test
    void consumerCustomIdsAreUnique() {
        http.post("/consumers", j("{'username':'a','custom_id':'c1'}"));
        AdminHttp.Reply r = http.post("/consumers", j("{'username':'b','custom_id':'c1'}"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.at("/message").asText()).isEqualTo("UNIQUE violation detected on '{custom_id=\"c1\"}'");
    }
}
