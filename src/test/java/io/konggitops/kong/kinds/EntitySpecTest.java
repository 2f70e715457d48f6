package io.konggitops.kong.kinds;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.SensitiveFields;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EntitySpecTest {
    /** Ids of referenced entities and the names a side of a diff resolves them to. */
    private static final Map<String, String> NAMES = Map.of("s-1", "shop", "r-1", "shop-web", "c-1", "alice",
            "u", "u");
    private static final Refs REFS = (e, field) -> e.get(field) == null ? "" : NAMES.get(e.foreignKey(field));

    /** One sample entity per kind, with its expected natural keys and change label. */
    private record Sample(Map<String, Object> fields, List<String> naturalKeys, String changeLabel) {
    }

    private static final Map<EntityType, Sample> SAMPLES = new EnumMap<>(EntityType.class);

    static {
        SAMPLES.put(EntityType.SERVICE, new Sample(Map.of("id", "s-1", "name", "shop"),
                List.of("name=shop"), "services shop"));
        SAMPLES.put(EntityType.ROUTE, new Sample(
                Map.of("id", "r-1", "name", "shop-web", "service", Map.of("id", "s-1")),
                List.of("name=shop-web"), "routes shop-web"));
        SAMPLES.put(EntityType.UPSTREAM, new Sample(Map.of("name", "u"), List.of("name=u"), "upstreams u"));
        SAMPLES.put(EntityType.TARGET, new Sample(Map.of("target", "10.0.0.1", "upstream", Map.of("name", "u")),
                List.of("u|10.0.0.1:8000"), "targets 10.0.0.1 on upstream u"));
        SAMPLES.put(EntityType.CERTIFICATE, new Sample(Map.of("id", "cert-1", "cert", " PEM\n", "key", "K"),
                List.of("pem=PEM"), "certificates cert-1"));
        SAMPLES.put(EntityType.SNI, new Sample(Map.of("name", "shop.example", "certificate", Map.of("id", "cert-1")),
                List.of("name=shop.example"), "snis shop.example"));
        SAMPLES.put(EntityType.CA_CERTIFICATE, new Sample(Map.of("id", "ca-1", "cert", "CA\n"),
                List.of("pem=CA"), "ca_certificates ca-1"));
        SAMPLES.put(EntityType.CONSUMER, new Sample(Map.of("id", "c-1", "username", "alice", "custom_id", "a-1"),
                List.of("username=alice", "custom_id=a-1"), "consumers alice"));
        SAMPLES.put(EntityType.PLUGIN, new Sample(Map.of("name", "rate-limiting", "route", Map.of("id", "r-1")),
                List.of("plugin=rate-limiting|s=|r=shop-web|c="), "plugins rate-limiting on route shop-web"));
        SAMPLES.put(EntityType.KEY_AUTH, new Sample(
                Map.of("id", "ka-1", "key", "k", "consumer", Map.of("id", "c-1")),
                List.of("key=k"), "keyauth_credentials of consumer alice"));
        SAMPLES.put(EntityType.BASIC_AUTH, new Sample(
                Map.of("id", "ba-1", "username", "bob", "consumer", Map.of("id", "c-1")),
                List.of("username=bob"), "basicauth_credentials of consumer alice"));
        SAMPLES.put(EntityType.HMAC_AUTH, new Sample(
                Map.of("id", "ha-1", "username", "bob", "consumer", Map.of("id", "c-1")),
                List.of("username=bob"), "hmacauth_credentials of consumer alice"));
        SAMPLES.put(EntityType.JWT, new Sample(
                Map.of("id", "jwt-1", "key", "iss", "consumer", Map.of("id", "c-1")),
                List.of("key=iss"), "jwt_secrets of consumer alice"));
        SAMPLES.put(EntityType.ACL, new Sample(
                Map.of("id", "acl-1", "group", "admins", "consumer", Map.of("id", "c-1")),
                List.of("group=alice|admins"), "acls of consumer alice"));
        SAMPLES.put(EntityType.OAUTH2, new Sample(
                Map.of("id", "o-1", "client_id", "cid", "consumer", Map.of("id", "c-1")),
                List.of("client_id=cid"), "oauth2_credentials of consumer alice"));
        SAMPLES.put(EntityType.MTLS_AUTH, new Sample(
                Map.of("id", "m-1", "subject_name", "CN=x", "consumer", Map.of("id", "c-1")),
                List.of("subject=alice|CN=x"), "mtls_auth_credentials of consumer alice"));
    }

    private static KongEntity sample(EntityType type) {
        return KongEntity.of(type, SAMPLES.get(type).fields());
    }

    @Test
    void everyKindHasASampleHere() {
        assertThat(SAMPLES.keySet()).as("a new kind needs its spec and a sample in this table")
                .isEqualTo(EnumSet.allOf(EntityType.class));
    }

    @Test
    void everyKindHasACompleteSpecWithNamesUniqueAcrossKinds() {
        Set<String> endpoints = new HashSet<>();
        Set<String> deckKeys = new HashSet<>();
        for (EntityType type : EntityType.values()) {
            EntitySpec spec = type.spec();
            assertThat(spec.endpoint()).as(type + " endpoint").isNotBlank();
            assertThat(spec.deckKey()).as(type + " decK key").isNotBlank();
            assertThat(spec.schemaName()).as(type + " schema name").isNotBlank();
            assertThat(endpoints.add(spec.endpoint())).as(type + " endpoint is unique").isTrue();
            assertThat(deckKeys.add(spec.deckKey())).as(type + " decK key is unique").isTrue();
            assertThat(spec.level()).as(type + " level").isPositive();
            assertThat(spec.deckOrder()).as(type + " decK order").isNotNull();
            assertThat(spec.deckTopLevel() || !spec.deckParents().isEmpty())
                    .as(type + " has a place in a decK file").isTrue();
            assertThat(sample(type).label()).as(type + " label").doesNotContain("(unnamed)");
            assertThat(spec.naturalKeys(sample(type), REFS)).as(type + " natural keys").isNotEmpty();
            spec.secretFields().forEach(f -> assertThat(f).as(type + " secret field").isLowerCase());
        }
    }

    @Test
    void aKindIsOnALevelBelowEveryKindItReferences() {
        for (EntityType type : EntityType.values()) {
            for (ForeignKey fk : type.spec().foreignKeys()) {
                assertThat(type.spec().level()).as(type + "." + fk.field() + " → " + fk.target())
                        .isGreaterThan(fk.target().spec().level());
            }
        }
    }

    @Test
    void theDependencyLevelsAreTheDocumentedOnes() {
        assertThat(Kinds.levels()).containsExactly(
                EnumSet.of(EntityType.CERTIFICATE, EntityType.CA_CERTIFICATE, EntityType.CONSUMER),
                EnumSet.of(EntityType.SNI, EntityType.SERVICE, EntityType.UPSTREAM, EntityType.KEY_AUTH,
                        EntityType.BASIC_AUTH, EntityType.HMAC_AUTH, EntityType.JWT, EntityType.ACL, EntityType.OAUTH2,
                        EntityType.MTLS_AUTH),
                EnumSet.of(EntityType.ROUTE, EntityType.TARGET),
                EnumSet.of(EntityType.PLUGIN));
    }

    @Test
    void theForeignKeyFieldsOfAllKindsPointAtOneKindEach() {
        assertThat(Kinds.foreignKeys()).isEqualTo(Map.of("service", EntityType.SERVICE, "route", EntityType.ROUTE,
                "consumer", EntityType.CONSUMER, "upstream", EntityType.UPSTREAM, "certificate", EntityType.CERTIFICATE,
                "client_certificate", EntityType.CERTIFICATE));
    }

    @Test
    void naturalKeysAndChangeLabelsNameEveryKindByNamesNotIds() {
        for (EntityType type : EntityType.values()) {
            Sample s = SAMPLES.get(type);
            assertThat(type.spec().naturalKeys(sample(type), REFS)).as(type + " natural keys")
                    .isEqualTo(s.naturalKeys());
            assertThat(type.spec().changeLabel(sample(type), REFS)).as(type + " change label")
                    .isEqualTo(s.changeLabel());
        }
    }

    @Test
    void aPluginOnNothingIsGlobalAndAConsumerWithoutUsernameIsNamedByCustomId() {
        KongEntity global = KongEntity.of(EntityType.PLUGIN, Map.of("name", "cors", "instance_name", "cors-all"));
        assertThat(EntityType.PLUGIN.spec().changeLabel(global, REFS)).isEqualTo("plugins cors-all (global)");

        KongEntity consumer = KongEntity.of(EntityType.CONSUMER, Map.of("custom_id", "a-1"));
        assertThat(consumer.label()).isEqualTo("consumers a-1");
        assertThat(EntityType.CONSUMER.spec().referenceName(consumer)).isEqualTo("a-1");
        assertThat(EntityType.CONSUMER.spec().naturalKeys(consumer, REFS)).containsExactly("custom_id=a-1");
    }

    @Test
    void onlyACertificatesPemIsANaturalKeyKongDoesNotEnforce() {
        for (EntityType type : EntityType.values()) {
            assertThat(type.spec().naturalKeysUnique()).as(type.name()).isEqualTo(type != EntityType.CERTIFICATE);
        }
    }

    @Test
    void targetsAreWrittenUnderTheirUpstreamAndEverythingElseIsPutById() {
        for (EntityType type : EntityType.values()) {
            boolean target = type == EntityType.TARGET;
            assertThat(type.spec().writeStrategy()).as(type.name())
                    .isEqualTo(target ? WriteStrategy.UNDER_PARENT : WriteStrategy.PUT_BY_ID);
            assertThat(type.spec().parentKind()).as(type.name())
                    .isEqualTo(target ? java.util.Optional.of(EntityType.UPSTREAM) : java.util.Optional.empty());
        }
        assertThat(EntityType.CERTIFICATE.spec().childNames())
                .contains(new ChildNames("snis", EntityType.SNI, "certificate"));
        assertThat(EntityType.CA_CERTIFICATE.spec().computedFields()).contains("cert_digest");
    }

    @Test
    void certificatesAndCredentialsHaveSecretFieldsAndPluginsHaveSecretsInTheirConfig() {
        for (EntityType type : EntityType.values()) {
            boolean secretKind = type.isCredential() || type == EntityType.CERTIFICATE;
            assertThat(SensitiveFields.hasSecretFields(type)).as(type.name()).isEqualTo(secretKind);
        }
        assertThat(SensitiveFields.isSensitive(EntityType.CERTIFICATE, "key")).isTrue();
        assertThat(SensitiveFields.isSensitive(EntityType.CERTIFICATE, "cert")).isFalse();
        assertThat(SensitiveFields.isSensitive(EntityType.BASIC_AUTH, "password")).isTrue();
        assertThat(SensitiveFields.isSensitive(EntityType.PLUGIN, "config.redis.password")).isTrue();
        assertThat(SensitiveFields.isSensitive(EntityType.PLUGIN, "config.second")).isFalse();
        assertThat(SensitiveFields.isSensitive(EntityType.ROUTE, "config.password")).isFalse();
    }

    @Test
    void errorMessagesHideEveryFieldNameThatIsSecretInSomeKind() {
        for (String name : List.of("key", "key_alt", "password", "secret", "client_secret", "private_key", "token",
                "credentials")) {
            assertThat(SensitiveFields.isSecretName(name)).as(name).isTrue();
        }
        assertThat(SensitiveFields.isSecretName("name")).isFalse();
        assertThat(SensitiveFields.isSecretName("host")).isFalse();
    }

    @Test
    void aConsumersCredentialsNestInADeckFileBeforeItsPlugins() {
        assertThat(Kinds.deckChildren(EntityType.CONSUMER)).extracting(Map.Entry::getKey).containsExactly(
                EntityType.KEY_AUTH, EntityType.BASIC_AUTH, EntityType.HMAC_AUTH, EntityType.JWT, EntityType.ACL,
                EntityType.OAUTH2, EntityType.MTLS_AUTH, EntityType.PLUGIN);
        assertThat(Kinds.deckChildren(EntityType.SERVICE)).extracting(e -> e.getValue().key())
                .containsExactly("routes", "plugins");
        assertThat(EntityType.PLUGIN.spec().deckWrittenNested()).isFalse();
        assertThat(EntityType.ROUTE.spec().deckWrittenNested()).isTrue();
    }
}
