package io.konggitops.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongRoot;
import io.konggitops.kong.KongState;
import io.konggitops.testing.kong.KongDouble;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credential kinds are read from Kong whenever their plugin is installed there, not only while Git still has one:
 * so the last credential of a kind removed from Git is deleted from Kong too.
 */
class CredentialKindsTest {
    private static final String TAG = "managed-by:kong-gitops";

    @Test
    void aCredentialNoLongerInGitIsDeletedFromKong() throws Exception {
        try (KongDouble kong = KongDouble.startDefault()) {
            ObjectNode consumer = kong.seed("consumers", Map.of("username", "someone-elses"));
            ObjectNode owned = kong.seed("keyauth_credentials", Map.of("key", "k-123", "tags", List.of(TAG),
                    "consumer", Map.of("id", consumer.get("id").asText())));
            ObjectNode foreign = kong.seed("keyauth_credentials", Map.of("key", "k-456",
                    "consumer", Map.of("id", consumer.get("id").asText())));

            Cli r = Cli.run("reconcile", "--repo", Cli.SAMPLES.toString(), "--endpoints", "manifests",
                    "--kong-admin-url", kong.baseUrl());

            assertThat(r.exit()).as(r.all()).isZero();
            assertThat(r.out()).contains("delete keyauth_credentials").doesNotContain("k-123");
            assertThat(kong.store().get("keyauth_credentials", owned.get("id").asText())).isNull();
            assertThat(kong.store().get("keyauth_credentials", foreign.get("id").asText())).isNotNull();
            assertThat(kong.store().find("consumers", "username", "someone-elses")).isNotNull();
            assertThat(Cli.run("diff", "--repo", Cli.SAMPLES.toString(), "--endpoints", "manifests",
                    "--kong-admin-url", kong.baseUrl()).exit()).isZero();
        }
    }

    @Test
    void kindsWhosePluginIsNotInstalledAreNotRead() {
        KongRoot root = new KongRoot("3.9.1", "postgres", "traditional_compatible", Set.of("key-auth", "acl"));

        Set<EntityType> types = Commands.typesToRead(KongState.EMPTY, root);

        assertThat(types).contains(EntityType.SERVICE, EntityType.CONSUMER, EntityType.KEY_AUTH, EntityType.ACL)
                .doesNotContain(EntityType.JWT, EntityType.HMAC_AUTH, EntityType.OAUTH2, EntityType.MTLS_AUTH);
    }

    @Test
    void everyCredentialKindIsReadWhenKongDoesNotListItsPlugins() {
        Set<EntityType> types = Commands.typesToRead(KongState.EMPTY, new KongRoot("3.9.1", "postgres", null));

        assertThat(types).containsAll(Set.of(EntityType.values()));
    }
}
