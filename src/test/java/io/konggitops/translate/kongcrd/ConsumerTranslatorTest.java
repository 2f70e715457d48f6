package io.konggitops.translate.kongcrd;

import io.konggitops.cluster.ManifestClusterView;
import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.problem.Severity;
import io.konggitops.source.Manifests;
import io.konggitops.translate.TestManifests;
import io.konggitops.translate.TranslateOptions;
import io.konggitops.translate.Translation;
import io.konggitops.translate.Translator;
import io.konggitops.translate.naming.KongIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumerTranslatorTest {
    @TempDir
    Path dir;

    private Translation translate(String yaml) {
        Manifests m = TestManifests.load(dir, yaml);
        return Translator.translate(m, ManifestClusterView.endpoints(m), TranslateOptions.defaults());
    }

    private static String consumer(String name, String extra) {
        return """
                apiVersion: configuration.konghq.com/v1
                kind: KongConsumer
                metadata:
                  name: %s
                  namespace: team
                  annotations: {kubernetes.io/ingress.class: kong}
                %s
                ---
                """.formatted(name, extra);
    }

    private static String secret(String name, String type, String stringData) {
        return """
                apiVersion: v1
                kind: Secret
                metadata: {name: %s, namespace: team, labels: {konghq.com/credential: %s}}
                stringData: %s
                ---
                """.formatted(name, type, stringData);
    }

    @Test
    void theConsumerIdIsGoKongsUuid5OfTheUsernameAndACustomIdOnlyConsumerHasNone() {
        Translation t = translate(consumer("a", "username: alice") + consumer("b", "custom_id: B-7"));
        List<KongEntity> consumers = t.desired().of(EntityType.CONSUMER).toList();
        assertThat(consumers).filteredOn(c -> "alice".equals(c.string("username"))).singleElement()
                .satisfies(c -> assertThat(c.id()).isEqualTo(KongIds.consumer("", "alice")));
        assertThat(consumers).filteredOn(c -> "B-7".equals(c.string("custom_id"))).singleElement()
                .satisfies(c -> assertThat(c.id()).isNull());
    }

    @Test
    void kicsConversionsTurnTtlIntoAnIntHashSecretIntoABoolAndRedirectUrisIntoAList() {
        Translation t = translate(consumer("a", "username: alice\ncredentials: [k, o]")
                + secret("k", "key-auth", "{key: k1, ttl: \"60\"}")
                + secret("o", "oauth2", "{name: app, client_id: c1, hash_secret: \"True\", redirect_uris: \"https://x,https://y\"}"));
        KongEntity key = t.desired().of(EntityType.KEY_AUTH).findFirst().orElseThrow();
        KongEntity oauth = t.desired().of(EntityType.OAUTH2).findFirst().orElseThrow();
        assertThat(((Number) key.get("ttl")).intValue()).isEqualTo(60);
        assertThat(oauth.get("hash_secret")).isEqualTo(true);
        assertThat(oauth.get("redirect_uris")).isEqualTo(List.of("https://x", "https://y"));
        assertThat(key.get("consumer")).isEqualTo(Map.of("id", KongIds.consumer("", "alice")));
    }

    @Test
    void anUnparsableTtlIsAProblemAndTheFieldIsLeftOutButTheCredentialKept() {
        Translation t = translate(consumer("a", "username: alice\ncredentials: [k]")
                + secret("k", "key-auth", "{key: k1, ttl: soon}"));
        assertThat(t.desired().of(EntityType.KEY_AUTH)).singleElement()
                .satisfies(k -> assertThat(k.get("ttl")).isNull());
        assertThat(t.problems()).anySatisfy(p -> assertThat(p.message()).contains("ttl is not an integer")
                .doesNotContain("soon"));
    }

    @Test
    void theLegacyLabelNamesStillSelectTheirCredentialKind() {
        Translation t = translate(consumer("a", "username: alice\ncredentials: [k, j]")
                + secret("k", "keyauth_credential", "{key: k1}") + secret("j", "jwt_secret", "{key: iss}"));
        assertThat(t.desired().of(EntityType.KEY_AUTH)).hasSize(1);
        assertThat(t.desired().of(EntityType.JWT)).singleElement()
                .satisfies(j -> assertThat(j.get("algorithm")).isEqualTo("HS256"));
    }

    @Test
    void aMissingSecretIsAnErrorOnTheConsumerWhichIsKeptWithoutTheCredential() {
        Translation t = translate(consumer("a", "username: alice\ncredentials: [ghost]"));
        assertThat(t.desired().of(EntityType.CONSUMER)).hasSize(1);
        assertThat(t.problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.object().toString()).isEqualTo("KongConsumer team/a");
            assertThat(p.message()).contains("credential Secret team/ghost not found");
        });
    }

    @Test
    void twoConsumersSharingAKeyAuthKeyAreBothLeftOutWithoutShowingTheKey() {
        Translation t = translate(consumer("a", "username: alice\ncredentials: [ka]")
                + consumer("b", "username: bob\ncredentials: [kb]")
                + secret("ka", "key-auth", "{key: same-planted-key}") + secret("kb", "key-auth", "{key: same-planted-key}"));
        assertThat(t.desired().of(EntityType.CONSUMER)).isEmpty();
        assertThat(t.desired().of(EntityType.KEY_AUTH)).isEmpty();
        assertThat(t.problems()).hasSize(4).allSatisfy(p -> assertThat(p.message()).doesNotContain("same-planted-key"));
        assertThat(t.problems()).extracting(p -> p.object().toString())
                .containsExactlyInAnyOrder("Secret team/ka", "KongConsumer team/a", "Secret team/kb", "KongConsumer team/b");
    }

    @Test
    void sharedAclGroupsAreNoConflict() {
        Translation t = translate(consumer("a", "username: alice\ncredentials: [ga]")
                + consumer("b", "username: bob\ncredentials: [gb]")
                + secret("ga", "acl", "{group: admins}") + secret("gb", "acl", "{group: admins}"));
        assertThat(t.desired().of(EntityType.ACL)).hasSize(2);
        assertThat(t.problems()).isEmpty();
    }

    @Test
    void aConsumerWithoutClassIsKeptWhenKongIsTheDefaultIngressClass() {
        String defaultClass = """
                apiVersion: networking.k8s.io/v1
                kind: IngressClass
                metadata:
                  name: kong
                  annotations: {ingressclass.kubernetes.io/is-default-class: "true"}
                spec: {controller: ingress-controllers.konghq.com/kong}
                ---
                """;
        String noClass = """
                apiVersion: configuration.konghq.com/v1
                kind: KongConsumer
                metadata: {name: a, namespace: team}
                username: alice
                """;
        assertThat(translate(noClass).desired().of(EntityType.CONSUMER)).isEmpty();
        assertThat(translate(defaultClass + noClass).desired().of(EntityType.CONSUMER)).hasSize(1);
    }

    @Test
    void theSharedRecordReadsTheTopLevelFieldsAndThePluginsAnnotation() {
        Manifests m = TestManifests.load(dir, """
                apiVersion: configuration.konghq.com/v1
                kind: KongConsumer
                metadata:
                  name: a
                  namespace: team
                  annotations: {konghq.com/plugins: " rl, acl-check ,", kubernetes.io/ingress.class: kong}
                custom_id: C-1
                credentials: [s1]
                consumerGroups: [g1]
                """);
        KongConsumerCrd c = KongConsumerCrd.parse(m.objects().get(0));
        assertThat(c.kongName()).isEqualTo("C-1");
        assertThat(c.username()).isNull();
        assertThat(c.pluginNames()).containsExactly("rl", "acl-check");
        assertThat(c.credentials()).containsExactly("s1");
        assertThat(c.consumerGroups()).containsExactly("g1");
        assertThat(c.ingressClass()).isEqualTo("kong");
        assertThat(c.ref().toString()).isEqualTo("KongConsumer team/a");
    }
}
