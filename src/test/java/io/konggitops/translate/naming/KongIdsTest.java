package io.konggitops.translate.naming;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class KongIdsTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "services, foo-namespace.foo-svc.80, fe1e2edc-5479-52fe-b0f4-b90d8d5f83ba",
            "services, foo-namespace.foo-svc.8000, 8c1ded2c-3f68-5845-bc85-f4c4c318829a",
            "services, bar-namespace.default-svc.80, 65ebeec1-01a0-5211-85c9-9f688a182c88",
            "routes, foo-namespace.foo.foo-svc.example.com.80, 3eee2c18-8fcc-5661-8f84-5c89adfa404f",
            "routes, foo-namespace.foo-2.foo-svc.example.com.80, ab6b1505-ec86-5b04-9d39-a95a711564cc",
            "routes, bar-namespace.ing-with-default-backend, 01c21dd4-41c1-57b6-a417-66c80b8ad22b",
    })
    void idsMatchKicGoldens(String collection, String key, String expected) {
        String id = collection.equals("services") ? KongIds.service("", key) : KongIds.route("", key);
        assertThat(id).isEqualTo(expected);
    }

    @Test
    void pluginKeyJoinsItsParentsLikeGoKong() {
        assertThat(KongIds.plugin("", "correlation-id", null, "default.httpbin.httpbin..80", null, null))
                .isEqualTo("61a22b86-f859-5c8a-a23c-97b92b14b635");
    }

    @Test
    void consumerIdComesFromTheUsername() {
        assertThat(KongIds.consumer("", "consumer")).startsWith("7deb6e70-");
    }

    @Test
    void workspaceIsPrefixedToTheKey() {
        UUID typeNs = KongIds.uuid5(KongIds.NAMESPACE, "services");
        assertThat(KongIds.service("team-a", "foo-namespace.foo-svc.80"))
                .isEqualTo(KongIds.uuid5(typeNs, "team-a/foo-namespace.foo-svc.80").toString())
                .isNotEqualTo(KongIds.service("", "foo-namespace.foo-svc.80"));
    }

    @Test
    void uuid5FollowsRfc4122() {
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        assertThat(KongIds.uuid5(dns, "python.org")).hasToString("886313e1-3b8a-5372-9b90-0c9aee199e5d");
    }

    @Test
    void certificateWithoutUidGetsAStableIdFromNamespaceAndName() {
        assertThat(KongIds.certificateWithoutUid("", "shop", "tls"))
                .isEqualTo(KongIds.certificateWithoutUid("", "shop", "tls"))
                .isNotEqualTo(KongIds.certificateWithoutUid("", "shop", "tls2"));
    }
}
