package io.konggitops.kong.deck;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.KongState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DeckWriterTest {
    private static final String PEM_KEY = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----";

    private static List<KongEntity> entities() {
        return List.of(
                KongEntity.of(EntityType.SERVICE, Map.of("id", "s1", "name", "a.svc.80", "host", "a")),
                KongEntity.of(EntityType.SERVICE, Map.of("id", "s2", "name", "b.svc.80", "host", "b")),
                KongEntity.of(EntityType.ROUTE, Map.of("id", "r1", "name", "a.r1", "service", Map.of("id", "s1"),
                        "paths", List.of("~/x$"))),
                KongEntity.of(EntityType.ROUTE, Map.of("id", "r2", "name", "a.r2", "service", Map.of("id", "s1"))),
                KongEntity.of(EntityType.UPSTREAM, Map.of("name", "a")),
                KongEntity.of(EntityType.TARGET, Map.of("target", "10.0.0.1:80", "upstream", Map.of("name", "a"))),
                KongEntity.of(EntityType.TARGET, Map.of("target", "10.0.0.2:80", "upstream", Map.of("name", "a"))),
                KongEntity.of(EntityType.CERTIFICATE, Map.of("id", "c1", "cert", "CERT-1\nline", "key", PEM_KEY)),
                KongEntity.of(EntityType.SNI, Map.of("name", "z.example", "certificate", Map.of("id", "c1"))),
                KongEntity.of(EntityType.SNI, Map.of("name", "a.example", "certificate", Map.of("id", "c1"))),
                KongEntity.of(EntityType.CONSUMER, Map.of("id", "u1", "username", "alice")),
                KongEntity.of(EntityType.BASIC_AUTH, Map.of("username", "alice", "password", "s3cret",
                        "consumer", Map.of("id", "u1"))),
                KongEntity.of(EntityType.PLUGIN, Map.of("id", "p1", "name", "cors", "route", Map.of("id", "r1"),
                        "consumer", Map.of("id", "u1"))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void nestsChildrenSortsDescendingAndReferencesPluginParentsByName() throws Exception {
        String out = DeckWriter.write(new KongState(entities()), DeckWriter.Format.YAML, true);
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readValue(out, Map.class);
        assertThat(doc.get("_format_version")).isEqualTo("3.0");
        assertThat(doc).containsOnlyKeys("_format_version", "services", "upstreams", "certificates", "consumers",
                "plugins");
        List<Object> services = (List<Object>) doc.get("services");
        assertThat(services).extracting(s -> ((Map<String, Object>) s).get("name")).containsExactly("b.svc.80", "a.svc.80");
        List<Object> routes = (List<Object>) ((Map<String, Object>) services.get(1)).get("routes");
        assertThat(routes).extracting(r -> ((Map<String, Object>) r).get("name")).containsExactly("a.r2", "a.r1");
        assertThat((Map<String, Object>) routes.get(0)).doesNotContainKey("service");
        List<Object> targets = (List<Object>) ((Map<String, Object>) ((List<Object>) doc.get("upstreams")).get(0)).get("targets");
        assertThat(targets).extracting(t -> ((Map<String, Object>) t).get("target")).containsExactly("10.0.0.2:80",
                "10.0.0.1:80");
        List<Object> snis = (List<Object>) ((Map<String, Object>) ((List<Object>) doc.get("certificates")).get(0)).get("snis");
        assertThat(snis).containsExactly((Object) Map.of("name", "a.example", "certificate", Map.of("id", "c1")),
                (Object) Map.of("name", "z.example", "certificate", Map.of("id", "c1")));
        Map<?, ?> plugin = (Map<String, Object>) ((List<Object>) doc.get("plugins")).get(0);
        assertThat(plugin.get("route")).isEqualTo("a.r1");
        assertThat(plugin.get("consumer")).isEqualTo("alice");
        Map<?, ?> consumer = (Map<String, Object>) ((List<Object>) doc.get("consumers")).get(0);
        assertThat((List<Object>) consumer.get("basicauth_credentials")).hasSize(1);
        assertThat(out).contains("- ~/x$").contains("cert: |-\n    CERT-1\n    line");
    }

    @Test
    void sameStateInAnyOrderGivesByteIdenticalText() {
        List<KongEntity> shuffled = new ArrayList<>(entities());
        Collections.reverse(shuffled);
        for (DeckWriter.Format f : DeckWriter.Format.values()) {
            assertThat(DeckWriter.write(new KongState(shuffled), f, false))
                    .isEqualTo(DeckWriter.write(new KongState(entities()), f, false));
        }
    }

    @Test
    void secretsAreRedactedByFieldUnlessAskedFor() {
        String redacted = DeckWriter.write(new KongState(entities()), DeckWriter.Format.YAML, false);
        assertThat(redacted).startsWith("# Secret values").doesNotContain("AAAA").doesNotContain("s3cret")
                .contains(DeckWriter.REDACTED).contains("username: alice");
        String json = DeckWriter.write(new KongState(entities()), DeckWriter.Format.JSON, false);
        assertThat(json).startsWith("{").doesNotContain("s3cret").contains("\"_format_version\" : \"3.0\"");
        assertThat(DeckWriter.write(new KongState(entities()), DeckWriter.Format.YAML, true))
                .contains("s3cret").contains("AAAA").doesNotContain("# Secret values");
    }

    @Test
    void pluginConfigSecretsAreRedactedAtAnyDepthByTheSameTableAsReports() {
        KongEntity plugin = KongEntity.of(EntityType.PLUGIN, Map.of("name", "openid-connect", "config",
                Map.of("client_secret", "oidc-s3cret", "issuer", "https://idp.example", "redis",
                        Map.of("password", "redis-s3cret", "port", 6379))));
        String out = DeckWriter.write(new KongState(List.of(plugin)), DeckWriter.Format.YAML, false);
        assertThat(out).startsWith("# Secret values").doesNotContain("oidc-s3cret").doesNotContain("redis-s3cret")
                .contains("issuer: https://idp.example").contains("port: 6379");
        assertThat(DeckWriter.write(new KongState(List.of(plugin)), DeckWriter.Format.YAML, true))
                .contains("oidc-s3cret").contains("redis-s3cret");
    }

    @Test
    void emptyStateIsJustTheFormatVersion() {
        assertThat(DeckWriter.write(KongState.EMPTY, DeckWriter.Format.YAML, false))
                .isEqualTo("_format_version: \"3.0\"\n");
    }
}
