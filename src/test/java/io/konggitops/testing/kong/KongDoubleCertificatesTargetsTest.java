package io.konggitops.testing.kong;

import static io.konggitops.testing.kong.KongDoubleTestJson.*;
import static io.konggitops.testing.kong.AdminHttp.j;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class KongDoubleCertificatesTargetsTest extends DefaultDoubleTest {

    @Test
    void certificateSnisAreCreatedAndReturnedSorted() {
        AdminHttp.Reply r = http.post("/certificates", j("{'cert':'" + CERT + "','key':'" + KEY + "','snis':['b.example.com','a.example.com']}"));

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.at("/snis").toString()).isEqualTo("[\"a.example.com\",\"b.example.com\"]");
        assertThat(r.at("/cert_alt").isNull()).isTrue();
        assertThat(kong.store().count("snis")).isEqualTo(2);
        assertThat(http.get("/snis/a.example.com").at("/certificate/id").asText()).isEqualTo(r.at("/id").asText());
        assertThat(http.get("/certificates/b.example.com").at("/id").asText()).isEqualTo(r.at("/id").asText());
        assertThat(http.post("/certificates", j("{'cert':'" + CERT + "','key':'" + KEY + "'}")).at("/snis").toString()).isEqualTo("[]");
    }

    @Test
    void putWithoutSnisWipesTheCertificatesSnis() {
        String id = http.post("/certificates", j("{'cert':'" + CERT + "','key':'" + KEY + "','snis':['a.example.com']}")).at("/id").asText();

        AdminHttp.Reply r = http.put("/certificates/" + id, j("{'cert':'" + CERT2 + "','key':'" + KEY2 + "'}"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.at("/snis").toString()).isEqualTo("[]");
        assertThat(kong.store().count("snis")).isZero();
    }

    @Test
    void putWithSnisReplacesThemAndPatchWithoutSnisKeepsThem() {
        String id = http.post("/certificates", j("{'cert':'" + CERT + "','key':'" + KEY + "','snis':['a.example.com']}")).at("/id").asText();

        http.put("/certificates/" + id, j("{'cert':'" + CERT + "','key':'" + KEY + "','snis':['b.example.com','a.example.com']}"));
        AdminHttp.Reply patched = http.patch("/certificates/" + id, j("{'cert':'" + CERT3 + "','key':'" + KEY3 + "'}"));

        assertThat(patched.at("/cert").asText()).isEqualTo(TestCertificates.of("c").cert());
        assertThat(patched.at("/snis").toString()).isEqualTo("[\"a.example.com\",\"b.example.com\"]");
    }

    @Test
    void sniNameTakenByAnotherCertificateIsRejected() {
        http.post("/certificates", j("{'cert':'" + CERT + "','key':'" + KEY + "','snis':['a.example.com']}"));
        AdminHttp.Reply r = http.post("/certificates", j("{'cert':'" + CERT + "','key':'" + KEY + "','snis':['a.example.com']}"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.at("/fields/snis").asText()).startsWith("a.example.com already associated with existing certificate");
        assertThat(kong.store().count("certificates")).isEqualTo(1);
        String cert = kong.store().all("certificates").get(0).get("id").asText();
        assertThat(http.post("/snis", j("{'name':'a.example.com','certificate':{'id':'" + cert + "'}}")).status())
                .isEqualTo(409);
    }

    @Test
    void targetPortsAreNormalised() {
        http.post("/upstreams", j("{'name':'up1'}"));

        assertThat(http.post("/upstreams/up1/targets", j("{'target':'10.0.0.1'}")).at("/target").asText())
                .isEqualTo("10.0.0.1:8000");
        assertThat(http.post("/upstreams/up1/targets", j("{'target':'svc.local:9000'}")).at("/target").asText())
                .isEqualTo("svc.local:9000");
        assertThat(http.post("/upstreams/up1/targets", j("{'target':'::1'}")).at("/target").asText())
                .isEqualTo("[::1]:8000");
        AdminHttp.Reply t = http.post("/upstreams/up1/targets", j("{'target':'[fe80::1]'}"));
        assertThat(t.at("/target").asText()).isEqualTo("[fe80::1]:8000");
        assertThat(t.at("/weight").asInt()).isEqualTo(100);
        assertThat(t.at("/created_at").isFloatingPointNumber()).as("targets use ms timestamps").isTrue();
        assertThat(http.get("/upstreams/up1/targets/10.0.0.1").at("/target").asText()).isEqualTo("10.0.0.1:8000");
    }

    @Test
    void theSameTargetTwiceIsAConflict() {
        http.post("/upstreams", j("{'name':'up1'}"));
        http.post("/upstreams/up1/targets", j("{'target':'10.0.0.1'}"));

        AdminHttp.Reply r = http.post("/upstreams/up1/targets", j("{'target':'10.0.0.1:8000'}"));

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.at("/code").asInt()).isEqualTo(5);
        assertThat(r.at("/fields/target").asText()).isEqualTo("10.0.0.1:8000");
    }

    @Test
    void targetPutIsAnUpdateThatMergesTheFieldsSentAndIsNotAnUpsert() {
        http.post("/upstreams", j("{'name':'up1'}"));
        String id = http.post("/upstreams/up1/targets", j("{'target':'10.0.0.1','weight':5}")).at("/id").asText();

        http.patch("/upstreams/up1/targets/" + id, j("{'tags':['t1']}"));
        AdminHttp.Reply updated = http.put("/upstreams/up1/targets/" + id, j("{'target':'10.0.0.1'}"));
        AdminHttp.Reply absent = http.put("/upstreams/up1/targets/0b9a2c43-a8f9-4a55-9a8e-4c5f3c7a1e11",
                j("{'target':'10.0.0.9'}"));
        AdminHttp.Reply patched = http.patch("/upstreams/up1/targets/10.0.0.1:8000", j("{'weight':7}"));

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.at("/id").asText()).isEqualTo(id);
        // kong/api/routes/upstreams.lua update_target_cb -> endpoints.update_entity: fields not sent are kept
        assertThat(updated.at("/weight").asInt()).as("PUT merges: the weight not sent is kept").isEqualTo(5);
        assertThat(updated.at("/tags/0").asText()).isEqualTo("t1");
        assertThat(absent.status()).isEqualTo(404);
        assertThat(patched.at("/weight").asInt()).isEqualTo(7);
        AdminHttp.Reply weightOnly = http.put("/upstreams/up1/targets/10.0.0.1:8000", j("{'weight':9}"));
        assertThat(weightOnly.at("/weight").asInt()).isEqualTo(9);
        assertThat(weightOnly.at("/target").asText()).isEqualTo("10.0.0.1:8000");
        assertThat(kong.store().count("targets")).isEqualTo(1);
    }

    @Test
    void thereIsNoTopLevelTargetsCollection() {
        assertThat(http.get("/targets").status()).isEqualTo(404);
        assertThat(http.post("/targets", j("{'target':'a'}")).status()).isEqualTo(404);
        assertThat(http.get("/targets/0b9a2c43-a8f9-4a55-9a8e-4c5f3c7a1e11").status()).isEqualTo(404);
    }

    @Test
    void caCertificatesGetADigest() {
        AdminHttp.Reply r = http.post("/ca_certificates", j("{'cert':'" + CA + "'}"));
        assertThat(r.at("/cert_digest").asText()).hasSize(64);
        assertThat(http.post("/ca_certificates", j("{'cert':'" + CA + "'}")).status()).isEqualTo(409);
    }

    @Test
    void putByAnUnknownSniNameCreatesACertificateWithThatSni() {
        AdminHttp.Reply r = http.put("/certificates/new.example.com", j("{'cert':'" + CERT + "','key':'" + KEY + "'}"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.at("/snis").toString()).isEqualTo("[\"new.example.com\"]");
        assertThat(http.get("/snis/new.example.com").at("/certificate/id").asText()).isEqualTo(r.at("/id").asText());
    }

    @Test
    void aNestedTargetListingIgnoresTheTagsFilterAsKongsPostgresStrategyDoes() {
        http.post("/upstreams", j("{'name':'up1'}"));
        http.post("/upstreams/up1/targets", j("{'target':'10.0.0.1','tags':['managed']}"));
        http.post("/upstreams/up1/targets", j("{'target':'10.0.0.2','tags':['other']}"));
        http.post("/upstreams/up1/targets", j("{'target':'10.0.0.3'}"));

        JsonNode tagged = http.get("/upstreams/up1/targets?tags=managed").body();

        assertThat(tagged.get("data")).hasSize(3);
        assertThat(http.get("/upstreams/up1/targets?tags=a,b/c").status()).isEqualTo(400);
        assertThat(http.get("/services?tags=managed").status()).isEqualTo(200);
    }
}
