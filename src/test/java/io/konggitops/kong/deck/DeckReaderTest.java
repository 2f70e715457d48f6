package io.konggitops.kong.deck;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.KongState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeckReaderTest {
    private static final String SVC_ID = "0b1c2d3e-0000-4000-8000-000000000001";
    private static final String ROUTE_ID = "0b1c2d3e-0000-4000-8000-000000000002";
    private static final String CERT_ID = "0b1c2d3e-0000-4000-8000-000000000003";
    private static final String CONSUMER_ID = "0b1c2d3e-0000-4000-8000-000000000004";

    private static final String DECK = """
            _format_version: "3.0"
            _info:
              select_tags: [managed-by:kong-gitops]
            services:
            - id: %1$s
              name: shop.web.80
              host: web.shop.80.svc
              port: 80
              path: null
              tags: [managed-by:kong-gitops]
              routes:
              - id: %2$s
                name: shop.web.web.example.com.00
                paths: [/]
                strip_path: false
                plugins:
                - name: cors
                  config: {origins: ["*"]}
              plugins:
              - name: rate-limiting
                config: {minute: 10}
            - name: no-id-svc
              host: other.svc
              routes:
              - name: nested-route
                paths: [/x]
            routes:
            - name: top-route
              service: shop.web.80
              paths: [/top]
            - name: top-route-2
              service: {name: no-id-svc}
              paths: [/two]
            upstreams:
            - name: web.shop.80.svc
              algorithm: round-robin
              targets:
              - target: 10.0.0.1:8080
                weight: 100
              - target: 10.0.0.2:8080
            certificates:
            - id: %3$s
              cert: CERT-PEM
              key: KEY-PEM
              snis:
              - b.example.com
              - name: a.example.com
                id: 0b1c2d3e-0000-4000-8000-000000000005
            ca_certificates:
            - id: 0b1c2d3e-0000-4000-8000-000000000006
              cert: CA-PEM
            consumers:
            - id: %4$s
              username: alice
              keyauth_credentials:
              - key: alice-key
              acls:
              - group: admins
              plugins:
              - name: request-termination
                config: {status_code: 403}
            - username: bob
              basicauth_credentials:
              - username: bob
                password: pw
            plugins:
            - name: prometheus
            - name: key-auth
              service: shop.web.80
            - name: acl
              route: {id: %2$s}
              consumer: bob
            - name: cors
              route: nested-route
            """.formatted(SVC_ID, ROUTE_ID, CERT_ID, CONSUMER_ID);

    private static KongEntity one(KongState s, EntityType type, String field, Object value) {
        return s.of(type).filter(e -> value.equals(e.get(field))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " with " + field + "=" + value));
    }

    @Test
    void nestedFormsBecomeFlatEntitiesWithForeignKeys() {
        KongState s = DeckReader.parse(DECK, "kong.yaml");

        KongEntity svc = one(s, EntityType.SERVICE, "name", "shop.web.80");
        assertThat(svc.fields()).doesNotContainKeys("routes", "plugins").containsEntry("path", null);
        assertThat(svc.get("port")).isEqualTo(80L);
        assertThat(s.of(EntityType.SERVICE)).hasSize(2);

        assertThat(one(s, EntityType.ROUTE, "name", "shop.web.web.example.com.00").get("service"))
                .isEqualTo(Map.of("id", SVC_ID));
        assertThat(one(s, EntityType.ROUTE, "name", "nested-route").get("service")).isEqualTo(Map.of("name", "no-id-svc"));
        assertThat(one(s, EntityType.ROUTE, "name", "top-route").get("service")).isEqualTo(Map.of("id", SVC_ID));
        assertThat(one(s, EntityType.ROUTE, "name", "top-route-2").get("service")).isEqualTo(Map.of("name", "no-id-svc"));
        assertThat(s.of(EntityType.ROUTE)).hasSize(4).allSatisfy(r -> assertThat(r.fields()).doesNotContainKey("plugins"));

        assertThat(s.of(EntityType.TARGET)).hasSize(2)
                .allSatisfy(t -> assertThat(t.get("upstream")).isEqualTo(Map.of("name", "web.shop.80.svc")));
        assertThat(one(s, EntityType.UPSTREAM, "name", "web.shop.80.svc").fields()).doesNotContainKey("targets");

        KongEntity cert = one(s, EntityType.CERTIFICATE, "id", CERT_ID);
        assertThat(cert.get("snis")).isEqualTo(List.of("a.example.com", "b.example.com"));
        assertThat(s.of(EntityType.SNI)).hasSize(2)
                .allSatisfy(sni -> assertThat(sni.get("certificate")).isEqualTo(Map.of("id", CERT_ID)));
        assertThat(one(s, EntityType.SNI, "name", "a.example.com").id()).isEqualTo("0b1c2d3e-0000-4000-8000-000000000005");
        assertThat(s.of(EntityType.CA_CERTIFICATE)).hasSize(1);

        KongEntity alice = one(s, EntityType.CONSUMER, "username", "alice");
        assertThat(alice.fields()).doesNotContainKeys("keyauth_credentials", "acls", "plugins");
        assertThat(one(s, EntityType.KEY_AUTH, "key", "alice-key").get("consumer")).isEqualTo(Map.of("id", CONSUMER_ID));
        assertThat(one(s, EntityType.ACL, "group", "admins").get("consumer")).isEqualTo(Map.of("id", CONSUMER_ID));
        assertThat(one(s, EntityType.BASIC_AUTH, "username", "bob").get("consumer")).isEqualTo(Map.of("name", "bob"));
    }

    @Test
    void pluginsGetTheirServiceRouteOrConsumerFromNestingOrByReference() {
        List<KongEntity> plugins = DeckReader.parse(DECK, "kong.yaml").of(EntityType.PLUGIN).toList();
        assertThat(plugins).hasSize(7);
        assertThat(plugins).filteredOn(p -> "rate-limiting".equals(p.name())).singleElement()
                .satisfies(p -> assertThat(p.get("service")).isEqualTo(Map.of("id", SVC_ID)));
        assertThat(plugins).filteredOn(p -> "cors".equals(p.name())).extracting(p -> p.get("route"))
                .containsExactlyInAnyOrder(Map.of("id", ROUTE_ID), Map.of("name", "nested-route"));
        assertThat(plugins).filteredOn(p -> "request-termination".equals(p.name())).singleElement()
                .satisfies(p -> assertThat(p.get("consumer")).isEqualTo(Map.of("id", CONSUMER_ID)));
        assertThat(plugins).filteredOn(p -> "prometheus".equals(p.name())).singleElement()
                .satisfies(p -> assertThat(p.fields()).doesNotContainKeys("service", "route", "consumer"));
        assertThat(plugins).filteredOn(p -> "key-auth".equals(p.name())).singleElement()
                .satisfies(p -> assertThat(p.get("service")).isEqualTo(Map.of("id", SVC_ID)));
        assertThat(plugins).filteredOn(p -> "acl".equals(p.name())).singleElement().satisfies(p -> {
            assertThat(p.get("route")).isEqualTo(Map.of("id", ROUTE_ID));
            assertThat(p.get("consumer")).isEqualTo(Map.of("name", "bob"));
        });
    }

    @Test
    void aJsonFileReadsLikeTheYamlOne(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("kong.json");
        Files.writeString(json, """
                {"_format_version":"1.1","services":[{"name":"s","host":"h","routes":[{"name":"r","paths":["/"]}]}],
                 "certificates":[{"id":"c1","cert":"C","key":"K","snis":[{"name":"x.example.com"}]}]}""");
        KongState s = DeckReader.read(json);
        assertThat(s.of(EntityType.ROUTE).findFirst().orElseThrow().get("service")).isEqualTo(Map.of("name", "s"));
        assertThat(s.of(EntityType.SNI).findFirst().orElseThrow().get("certificate")).isEqualTo(Map.of("id", "c1"));
    }

    @Test
    void malformedYamlNamesTheFileAndLine() {
        String broken = "_format_version: \"3.0\"\nservices:\n- name: a\n  host: [unclosed\n";
        assertThatThrownBy(() -> DeckReader.parse(broken, "state/kong.yaml"))
                .isInstanceOfSatisfying(DeckReader.DeckFileException.class, e -> {
                    assertThat(e.file()).isEqualTo("state/kong.yaml");
                    assertThat(e.line()).isGreaterThan(3);
                })
                .hasMessageStartingWith("state/kong.yaml:").hasMessageContaining("not a valid YAML/JSON decK file");
    }

    @Test
    void aDuplicateKeyIsAnErrorWithItsLine() {
        String dup = "_format_version: \"3.0\"\nservices: []\nservices: []\n";
        assertThatThrownBy(() -> DeckReader.parse(dup, "kong.yaml"))
                .isInstanceOfSatisfying(DeckReader.DeckFileException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageContaining("services");
    }

    @Test
    void wrongShapesAndVersionsAreNamedByTheirPlace() {
        assertThatThrownBy(() -> DeckReader.parse("_format_version: \"9.9\"\n", "k.yaml"))
                .hasMessageContaining("k.yaml: _format_version: unsupported _format_version '9.9'");
        assertThatThrownBy(() -> DeckReader.parse("services: {name: a}\n", "k.yaml"))
                .hasMessageContaining("services: services must be a list");
        assertThatThrownBy(() -> DeckReader.parse("upstreams:\n- name: u\n  targets: [5]\n", "k.yaml"))
                .hasMessageContaining("upstreams[0].targets[0]: expected an object");
        assertThatThrownBy(() -> DeckReader.parse("certificates:\n- cert: C\n  key: K\n  snis: [a.example.com]\n", "k.yaml"))
                .hasMessageContaining("certificates[0]: a certificate with SNIs needs an id");
        assertThatThrownBy(() -> DeckReader.parse("routes:\n- name: r\n  service: 5\n", "k.yaml"))
                .hasMessageContaining("routes[0].service: a reference must be");
        assertThatThrownBy(() -> DeckReader.parse("", "k.yaml")).hasMessageContaining("empty");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> DeckReader.read(missing)).isInstanceOf(DeckReader.DeckFileException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("cannot read");
    }

    @Test
    void underscoreKeysAndUnmanagedKindsAreIgnored() {
        KongState s = DeckReader.parse("""
                _format_version: "3.0"
                _workspace: default
                consumer_groups: [{name: g}]
                vaults: [{name: env, prefix: e}]
                """, "k.yaml");
        assertThat(s.isEmpty()).isTrue();
    }
}
