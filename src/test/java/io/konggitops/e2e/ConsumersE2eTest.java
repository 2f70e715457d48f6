package io.konggitops.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.konggitops.testing.kong.RequestStats;
import io.konggitops.translate.naming.KongIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * KongConsumers and their credential Secrets, reconciled into the Kong double: consumers with go-kong's IDs, the
 * credentials under them through Kong's nested endpoints, nothing to write on a second run (basic-auth passwords,
 * which Kong stores hashed, included), a credential edited by hand is drift shown without its value, and a consumer
 * removed from Git is deleted with its credentials.
 */
class ConsumersE2eTest {
    static final String ALICE_KEY = "alice-planted-key-7f3c1e";
    static final String ALICE_PASSWORD = "alice-planted-password-92ab";
    static final String BOB_KEY = "bob-planted-key-0d44aa";

    @TempDir
    Path tmp;
    private E2eFixture f;

    @BeforeEach
    void repoWithTwoConsumers() {
        f = new E2eFixture(tmp);
        f.repo.write("consumers/alice.yaml", consumer("alice", "alice-key", "alice-acl", "alice-basic")
                + secret("alice-key", "key-auth", "key", ALICE_KEY)
                + secret("alice-acl", "acl", "group", "admins")
                + secret("alice-basic", "basic-auth", "username", "alice", "password", ALICE_PASSWORD));
        f.repo.write("consumers/bob.yaml", consumer("bob", "bob-key", "bob-acl")
                + secret("bob-key", "key-auth", "key", BOB_KEY)
                + secret("bob-acl", "acl", "group", "admins"));
        f.repo.commit("two consumers");
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private static String consumer(String name, String... credentials) {
        return """
                apiVersion: configuration.konghq.com/v1
                kind: KongConsumer
                metadata:
                  name: %1$s
                  namespace: team
                  annotations: {kubernetes.io/ingress.class: kong}
                username: %1$s
                credentials: [%2$s]
                """.formatted(name, String.join(", ", credentials));
    }

    private static String secret(String name, String type, String... keyValues) {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < keyValues.length; i += 2) {
            data.append("  ").append(keyValues[i]).append(": ")
                    .append(Base64.getEncoder().encodeToString(keyValues[i + 1].getBytes(StandardCharsets.UTF_8)))
                    .append('\n');
        }
        return """
                ---
                apiVersion: v1
                kind: Secret
                metadata:
                  name: %s
                  namespace: team
                  labels: {konghq.com/credential: %s}
                data:
                %s---
                """.formatted(name, type, data);
    }

    private String consumerId(String username) {
        return f.kong.store().find("consumers", "username", username).get("id").asText();
    }

    @Test
    void theFirstReconcileCreatesConsumersWithKicIdsAndTheirCredentialsUnderThem() {
        E2eFixture.Run run = f.reconcile();

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(f.names("consumers", "username")).containsExactly("alice", "bob");
        assertThat(consumerId("alice")).isEqualTo(KongIds.consumer("", "alice"));
        assertThat(f.names("keyauth_credentials", "key")).containsExactlyInAnyOrder(ALICE_KEY, BOB_KEY);
        assertThat(f.all("keyauth_credentials")).allSatisfy(k -> assertThat(k.path("tags").toString())
                .contains("k8s-kind:Secret", E2eFixture.TAG));
        assertThat(f.all("acls")).hasSize(2).extracting(a -> a.path("consumer").path("id").asText())
                .containsExactlyInAnyOrder(consumerId("alice"), consumerId("bob"));
        ObjectNode basic = f.all("basicauth_credentials").get(0);
        assertThat(basic.path("consumer").path("id").asText()).isEqualTo(consumerId("alice"));
        assertThat(basic.path("password").asText()).as("Kong keeps only a hash").isNotEqualTo(ALICE_PASSWORD);
        assertThat(f.kong.stats().log().stream().filter(RequestStats.Request::isWrite)
                .filter(w -> w.path().startsWith("/key-auths/")).map(RequestStats.Request::body))
                .as("credentials are upserted by id with their consumer in the body").hasSize(2)
                .allSatisfy(b -> assertThat(b).contains("\"consumer\""));
        assertThat(run.all()).doesNotContain(ALICE_KEY, ALICE_PASSWORD, BOB_KEY);
    }

    @Test
    void aSecondRunWritesNothingAndShowsNoDrift() {
        assertThat(f.reconcile().exit()).isZero();
        int before = f.kong.stats().writes();

        E2eFixture.Run again = f.reconcile();
        E2eFixture.Run diff = f.diff();

        assertThat(again.exit()).as(again.toString()).isZero();
        assertThat(f.kong.stats().writes() - before).as(again.toString()).isZero();
        assertThat(diff.exit()).as(diff.toString()).isZero();
    }

    @Test
    void aCredentialEditedByHandInKongIsDriftShownWithoutItsValue() {
        assertThat(f.reconcile().exit()).isZero();
        ObjectNode key = f.all("keyauth_credentials").stream()
                .filter(k -> k.path("key").asText().equals(BOB_KEY)).findFirst().orElseThrow();
        String handKey = "hand-edited-key-55e1b0";
        assertThat(AdminCalls.send(f.kong.baseUrl(), "PATCH", "/key-auths/" + key.path("id").asText(),
                "{\"key\": \"" + handKey + "\"}")).startsWith("200");

        E2eFixture.Run diff = f.diff();
        E2eFixture.Run json = f.diff("--report", "json");

        assertThat(diff.exit()).as(diff.toString()).isEqualTo(2);
        assertThat(diff.out()).contains("keyauth_credentials of consumer bob", "sensitive");
        assertThat(diff.all() + json.all()).doesNotContain(handKey, BOB_KEY, ALICE_KEY, ALICE_PASSWORD);
        E2eFixture.Run repair = f.reconcile();
        assertThat(repair.exit()).as(repair.toString()).isZero();
        assertThat(f.names("keyauth_credentials", "key")).containsExactlyInAnyOrder(ALICE_KEY, BOB_KEY);
    }

    @Test
    void removingAConsumerFromGitDeletesItAndItsCredentials() {
        assertThat(f.reconcile().exit()).isZero();
        String bob = consumerId("bob");
        f.repo.delete("consumers/bob.yaml");
        f.repo.commit("bob leaves");

        E2eFixture.Run run = f.reconcile();

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(f.names("consumers", "username")).containsExactly("alice");
        assertThat(f.names("keyauth_credentials", "key")).containsExactly(ALICE_KEY);
        assertThat(f.all("acls")).singleElement()
                .satisfies(a -> assertThat(a.path("consumer").path("id").asText()).isNotEqualTo(bob));
    }
}
