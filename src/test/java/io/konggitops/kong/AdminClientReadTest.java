package io.konggitops.kong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminClientReadTest {
    private final WireMockKong kong = new WireMockKong();

    @AfterEach
    void stop() {
        kong.close();
    }

    @Test
    void rootListsThePluginsAvailableOnTheServer() {
        kong.server.stubFor(get(urlPathEqualTo("/")).willReturn(okJson("""
                {"version":"3.9.1","plugins":{"available_on_server":{"key-auth":{"version":"3.9.1","priority":1250},
                 "acl":{"version":"3.9.1","priority":950}},"enabled_in_cluster":[]},
                 "configuration":{"database":"postgres"}}""")));
        try (AdminClient client = kong.client()) {
            KongRoot root = client.root();
            assertThat(root.plugins()).containsExactlyInAnyOrder("key-auth", "acl");
            assertThat(root.pluginAvailable("key-auth")).isTrue();
            assertThat(root.pluginAvailable("jwt")).isFalse();
        }
    }

    @Test
    void rootGivesVersionDatabaseAndRouterFlavor() {
        kong.server.stubFor(get(urlPathEqualTo("/")).willReturn(okJson("""
                {"version":"3.9.1","tagline":"Welcome to kong",
                 "configuration":{"database":"postgres","router_flavor":"expressions"}}""")));
        try (AdminClient client = kong.client()) {
            KongRoot root = client.root();
            assertThat(root).isEqualTo(new KongRoot("3.9.1", "postgres", "expressions"));
            assertThat(root.dbless()).isFalse();
        }
    }

    @Test
    void rootWithoutAVersionIsNotAKongAdminApi() {
        kong.server.stubFor(get(urlPathEqualTo("/")).willReturn(okJson("{\"hello\":\"proxy\"}")));
        try (AdminClient client = kong.client()) {
            assertThatThrownBy(client::root).isInstanceOf(KongApiException.class)
                    .hasMessageContaining("without a Kong version").hasMessageContaining("Admin API");
        }
    }

    @Test
    void listingFollowsOffsetAcrossThreePagesWithSizeAndTagsOnEveryPage() {
        stubPage("/services", null, "{\"data\":[{\"id\":\"s1\",\"name\":\"a\",\"path\":null}],\"offset\":\"tok1\","
                + "\"next\":\"/services?offset=tok1&size=1000&tags=managed-by%3Akong-gitops%2Cteam\"}");
        stubPage("/services", "tok1", "{\"data\":[{\"id\":\"s2\",\"name\":\"b\"}],\"offset\":\"tok2\",\"next\":\"x\"}");
        stubPage("/services", "tok2", "{\"data\":[{\"id\":\"s3\",\"name\":\"c\"}],\"next\":null}");
        try (AdminClient client = kong.client()) {
            KongState state = client.read(Set.of(EntityType.SERVICE), List.of("managed-by:kong-gitops", "team"));
            assertThat(state.of(EntityType.SERVICE).map(KongEntity::name)).containsExactly("a", "b", "c");
            KongEntity first = state.entities().get(0);
            assertThat(first.fields()).containsKey("path").containsEntry("path", null);
        }
        kong.server.verify(3, getRequestedFor(urlPathEqualTo("/services"))
                .withQueryParam("size", equalTo("1000"))
                .withQueryParam("tags", equalTo("managed-by:kong-gitops,team")));
        kong.server.verify(1, getRequestedFor(urlPathEqualTo("/services")).withQueryParam("offset", absent()));
        kong.server.verify(1, getRequestedFor(urlPathEqualTo("/services")).withQueryParam("offset", equalTo("tok2")));
    }

    @Test
    void aPageWithOnlyANextLinkIsFollowedNotSilentlyDropped() {
        stubPage("/routes", null, "{\"data\":[{\"id\":\"r1\",\"name\":\"a\"}],\"next\":\"/routes?offset=abc%3D%3D&size=1000\"}");
        stubPage("/routes", "abc==", "{\"data\":[{\"id\":\"r2\",\"name\":\"b\"}],\"next\":null}");
        try (AdminClient client = kong.client()) {
            assertThat(client.read(Set.of(EntityType.ROUTE), List.of()).of(EntityType.ROUTE).map(KongEntity::id))
                    .containsExactly("r1", "r2");
        }
    }

    @Test
    void aRepeatedOffsetStopsTheListingWithAnError() {
        stubPage("/routes", null, "{\"data\":[],\"offset\":\"same\"}");
        stubPage("/routes", "same", "{\"data\":[],\"offset\":\"same\"}");
        try (AdminClient client = kong.client()) {
            assertThatThrownBy(() -> client.read(Set.of(EntityType.ROUTE), List.of()))
                    .isInstanceOf(KongApiException.class).hasMessageContaining("repeats offset same");
        }
    }

    @Test
    void targetsAreReadPerUpstreamWithSizeAndTagsReAddedOnNumericOffsets() {
        stubPage("/upstreams", null, """
                {"data":[{"id":"u1","name":"up1"},{"id":"u2","name":"up2"}],"next":null}""");
        // Kong's nested next link drops size and tags; the offset is a numeric string
        stubPage("/upstreams/u1/targets", null, """
                {"data":[{"id":"t1","target":"10.0.0.1:80","weight":100,"upstream":{"id":"u1"},"created_at":1700000000.123}],
                 "offset":"1","next":"/upstreams/u1/targets?offset=1"}""");
        stubPage("/upstreams/u1/targets", "1", """
                {"data":[{"id":"t2","target":"10.0.0.2:80","weight":100,"upstream":{"id":"u1"}}],"next":null}""");
        stubPage("/upstreams/u2/targets", null, "{\"data\":[],\"next\":null}");
        try (AdminClient client = kong.client()) {
            KongState state = client.read(Set.of(EntityType.TARGET), List.of("owner"));
            assertThat(state.of(EntityType.TARGET).map(t -> t.string("target"))).containsExactly("10.0.0.1:80", "10.0.0.2:80");
            assertThat(state.of(EntityType.UPSTREAM)).as("only the kinds asked for are returned").isEmpty();
            assertThat(state.entities().get(0).get("created_at")).isEqualTo(1700000000.123);
        }
        kong.server.verify(2, getRequestedFor(urlPathEqualTo("/upstreams/u1/targets"))
                .withQueryParam("size", equalTo("1000")).withQueryParam("tags", equalTo("owner")));
        kong.server.verify(1, getRequestedFor(urlPathEqualTo("/upstreams/u1/targets")).withQueryParam("offset", equalTo("1")));
        kong.server.verify(1, getRequestedFor(urlPathEqualTo("/upstreams/u2/targets"))
                .withQueryParam("size", equalTo("1000")).withQueryParam("tags", equalTo("owner")));
    }

    @Test
    void everyKindIsReadFromItsOwnCollection() {
        for (EntityType t : EntityType.values()) {
            if (t == EntityType.TARGET) continue;
            stubPage("/" + t.endpoint(), null, "{\"data\":[{\"id\":\"" + t.endpoint() + "-1\"}],\"next\":null}");
        }
        stubPage("/upstreams/upstreams-1/targets", null, "{\"data\":[{\"id\":\"t\",\"target\":\"a:1\"}],\"next\":null}");
        try (AdminClient client = kong.client()) {
            KongState state = client.read(Set.of(EntityType.values()), List.of());
            for (EntityType t : EntityType.values()) {
                assertThat(state.of(t)).as(t.name()).hasSize(1);
            }
            assertThat(state.of(EntityType.CERTIFICATE).findFirst().orElseThrow().id()).isEqualTo("certificates-1");
        }
        kong.server.verify(getRequestedFor(urlPathEqualTo("/key-auths")).withQueryParam("size", equalTo("1000")));
        kong.server.verify(getRequestedFor(urlPathEqualTo("/snis")));
    }

    @Test
    void aCredentialEndpointThatDoesNotExistReadsAsNoCredentials() {
        kong.server.stubFor(get(urlPathEqualTo("/mtls-auths")).willReturn(aResponse().withStatus(404)
                .withBody("{\"message\":\"Not found\"}")));
        stubPage("/consumers", null, "{\"data\":[{\"id\":\"c1\",\"username\":\"alice\"}],\"next\":null}");
        try (AdminClient client = kong.client()) {
            KongState state = client.read(Set.of(EntityType.MTLS_AUTH, EntityType.CONSUMER), List.of());
            assertThat(state.size()).isEqualTo(1);
        }
    }

    @Test
    void aMissingCoreCollectionIsAnError() {
        kong.server.stubFor(get(urlPathEqualTo("/services")).willReturn(aResponse().withStatus(404)
                .withBody("{\"message\":\"Not found\"}")));
        try (AdminClient client = kong.client()) {
            assertThatThrownBy(() -> client.read(Set.of(EntityType.SERVICE), List.of()))
                    .isInstanceOf(KongApiException.class)
                    .hasMessageContaining("GET /services?size=1000 failed with HTTP 404: Not found");
        }
    }

    @Test
    void selectTagsThatKongWouldReadAsOrOrThatAreTooManyAreRefused() {
        try (AdminClient client = kong.client()) {
            assertThatThrownBy(() -> client.read(Set.of(EntityType.SERVICE), List.of("a/b")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'/'");
            assertThatThrownBy(() -> client.read(Set.of(EntityType.SERVICE), List.of("1", "2", "3", "4", "5", "6")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 5 tags");
        }
    }

    @Test
    void schemasAreFetchedOnceAndAMissingSchemaIsEmpty() {
        kong.server.stubFor(get(urlPathEqualTo("/schemas/routes")).willReturn(okJson("""
                {"fields":[{"strip_path":{"type":"boolean","default":true}}]}""")));
        kong.server.stubFor(get(urlPathEqualTo("/schemas/plugins/cors")).willReturn(okJson("""
                {"fields":[{"config":{"type":"record","fields":[]}}]}""")));
        kong.server.stubFor(get(urlPathEqualTo("/schemas/plugins/nope")).willReturn(aResponse().withStatus(404)
                .withBody("{\"message\":\"plugin 'nope' not enabled; add it to the 'plugins' configuration property\"}")));
        kong.server.stubFor(get(urlPathEqualTo("/schemas/targets")).willReturn(aResponse().withStatus(405)));
        try (AdminClient client = kong.client()) {
            Map<String, Object> routes = client.entitySchema(EntityType.ROUTE).orElseThrow();
            assertThat(routes).containsKey("fields");
            assertThat(client.entitySchema(EntityType.ROUTE)).contains(routes);
            assertThat(client.pluginSchema("cors")).isPresent();
            assertThat(client.pluginSchema("nope")).isEmpty();
            assertThat(client.pluginSchema("nope")).isEmpty();
            assertThat(client.entitySchema(EntityType.TARGET)).isEmpty();
        }
        kong.server.verify(1, getRequestedFor(urlPathEqualTo("/schemas/routes")));
        kong.server.verify(1, getRequestedFor(urlPathEqualTo("/schemas/plugins/nope")));
        try (AdminClient other = kong.client()) {
            other.entitySchema(EntityType.ROUTE);
        }
        kong.server.verify(2, getRequestedFor(urlPathEqualTo("/schemas/routes")));
    }

    @Test
    void workspacePrefixesEveryPathButRoot() {
        kong.server.stubFor(get(urlPathEqualTo("/")).willReturn(okJson("{\"version\":\"3.4.3.12\",\"configuration\":{\"database\":\"postgres\"}}")));
        stubPage("/team-a/services", null, "{\"data\":[{\"id\":\"s1\"}],\"next\":null}");
        kong.server.stubFor(get(urlPathEqualTo("/team-a/schemas/services")).willReturn(okJson("{\"fields\":[]}")));
        try (AdminClient client = kong.client(kong.options().workspace("team-a"))) {
            assertThat(client.root().version()).isEqualTo("3.4.3.12");
            assertThat(client.read(Set.of(EntityType.SERVICE), List.of()).size()).isEqualTo(1);
            assertThat(client.entitySchema(EntityType.SERVICE)).isPresent();
        }
        kong.server.verify(getRequestedFor(urlPathEqualTo("/")));
    }

    @Test
    void aBaseUrlPathPrefixIsKept() {
        stubPage("/kong-admin/services", null, "{\"data\":[{\"id\":\"s1\"}],\"next\":null}");
        try (AdminClient client = new AdminClient(AdminClientOptions.of(kong.url() + "/kong-admin/"))) {
            assertThat(client.read(Set.of(EntityType.SERVICE), List.of()).size()).isEqualTo(1);
        }
    }

    @Test
    void tokenAndExtraHeadersAreSentWithEveryRequest() {
        kong.server.stubFor(get(urlPathEqualTo("/")).willReturn(okJson("{\"version\":\"3.9.0\",\"configuration\":{}}")));
        stubPage("/consumers", null, "{\"data\":[],\"next\":null}");
        try (AdminClient client = kong.client(kong.options().adminToken("s3cr3t-token")
                .headers(List.of("X-Team: payments", "X-Trace:abc:def")))) {
            client.root();
            client.read(Set.of(EntityType.CONSUMER), List.of());
        }
        for (String path : List.of("/", "/consumers")) {
            kong.server.verify(getRequestedFor(urlPathEqualTo(path))
                    .withHeader("Kong-Admin-Token", equalTo("s3cr3t-token"))
                    .withHeader("X-Team", equalTo("payments"))
                    .withHeader("X-Trace", equalTo("abc:def")));
        }
    }

    @Test
    void theTokenHeaderNameIsConfigurable() {
        kong.server.stubFor(get(urlPathEqualTo("/")).willReturn(okJson("{\"version\":\"3.9.0\",\"configuration\":{}}")));
        try (AdminClient client = kong.client(kong.options().adminToken("tok").tokenHeader("Authorization"))) {
            client.root();
        }
        kong.server.verify(getRequestedFor(urlPathEqualTo("/")).withHeader("Authorization", equalTo("tok"))
                .withoutHeader("Kong-Admin-Token"));
    }

    private void stubPage(String path, String offset, String body) {
        var mapping = get(urlPathEqualTo(path)).withQueryParam("offset", offset == null ? absent() : equalTo(offset));
        kong.server.stubFor(mapping.willReturn(okJson(body)));
    }
}
