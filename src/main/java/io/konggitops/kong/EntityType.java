package io.konggitops.kong;

import java.util.Optional;

/**
 * The Kong entity kinds kong-gitops manages, with what the rest of the code needs to know about each: the Admin API
 * collection, the key used in a decK file, the schema name for {@code GET /schemas/{name}}, and the parent foreign key
 * for kinds that only exist under a parent.
 */
public enum EntityType {
    SERVICE("services", "services", "services", null),
    ROUTE("routes", "routes", "routes", null),
    UPSTREAM("upstreams", "upstreams", "upstreams", null),
    /** Only reachable under {@code /upstreams/{u}/targets}; field {@code upstream}. */
    TARGET("targets", "targets", "targets", "upstream"),
    CERTIFICATE("certificates", "certificates", "certificates", null),
    SNI("snis", "snis", "snis", null),
    CA_CERTIFICATE("ca_certificates", "ca_certificates", "ca_certificates", null),
    CONSUMER("consumers", "consumers", "consumers", null),
    PLUGIN("plugins", "plugins", "plugins", null),
    KEY_AUTH("key-auths", "keyauth_credentials", "keyauth_credentials", null),
    BASIC_AUTH("basic-auths", "basicauth_credentials", "basicauth_credentials", null),
    HMAC_AUTH("hmac-auths", "hmacauth_credentials", "hmacauth_credentials", null),
    JWT("jwts", "jwt_secrets", "jwt_secrets", null),
    ACL("acls", "acls", "acls", null),
    OAUTH2("oauth2", "oauth2_credentials", "oauth2_credentials", null),
    MTLS_AUTH("mtls-auths", "mtls_auth_credentials", "mtls_auth_credentials", null);

    private final String endpoint;
    private final String deckKey;
    private final String schemaName;
    private final String nestedUnder;

    EntityType(String endpoint, String deckKey, String schemaName, String nestedUnder) {
        this.endpoint = endpoint;
        this.deckKey = deckKey;
        this.schemaName = schemaName;
        this.nestedUnder = nestedUnder;
    }

    /** Admin API collection path segment, e.g. {@code services}, {@code key-auths}. */
    public String endpoint() {
        return endpoint;
    }

    /** Key of this kind in a decK file, e.g. {@code keyauth_credentials}. */
    public String deckKey() {
        return deckKey;
    }

    /** Name for {@code GET /schemas/{name}}. */
    public String schemaName() {
        return schemaName;
    }

    /** The foreign-key field whose entity this kind's collection lives under, if it has no top-level collection. */
    public Optional<String> nestedUnder() {
        return Optional.ofNullable(nestedUnder);
    }

    /** The plugin a credential kind belongs to ({@code key-auth} for {@code key-auths}); null for other kinds. */
    public String credentialPlugin() {
        return switch (this) {
            case KEY_AUTH -> "key-auth";
            case BASIC_AUTH -> "basic-auth";
            case HMAC_AUTH -> "hmac-auth";
            case JWT -> "jwt";
            case ACL -> "acl";
            case OAUTH2 -> "oauth2";
            case MTLS_AUTH -> "mtls-auth";
            default -> null;
        };
    }

    public boolean isCredential() {
        return switch (this) {
            case KEY_AUTH, BASIC_AUTH, HMAC_AUTH, JWT, ACL, OAUTH2, MTLS_AUTH -> true;
            default -> false;
        };
    }
}
