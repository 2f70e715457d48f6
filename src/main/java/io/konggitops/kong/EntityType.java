package io.konggitops.kong;

import io.konggitops.kong.kinds.BasicAuthSpec;
import io.konggitops.kong.kinds.CaCertificateSpec;
import io.konggitops.kong.kinds.CertificateSpec;
import io.konggitops.kong.kinds.ConsumerSpec;
import io.konggitops.kong.kinds.CredentialSpec;
import io.konggitops.kong.kinds.EntitySpec;
import io.konggitops.kong.kinds.PluginSpec;
import io.konggitops.kong.kinds.RouteSpec;
import io.konggitops.kong.kinds.ServiceSpec;
import io.konggitops.kong.kinds.SniSpec;
import io.konggitops.kong.kinds.TargetSpec;
import io.konggitops.kong.kinds.UpstreamSpec;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Kong entity kinds kong-gitops manages. What the code needs to know about each kind is its {@link #spec()}
 * (package {@code kong.kinds}, one file per kind); the accessors here are shortcuts to it.
 */
public enum EntityType {
    SERVICE(ServiceSpec::new),
    ROUTE(RouteSpec::new),
    UPSTREAM(UpstreamSpec::new),
    /** Only reachable under {@code /upstreams/{u}/targets}; field {@code upstream}. */
    TARGET(TargetSpec::new),
    CERTIFICATE(CertificateSpec::new),
    SNI(SniSpec::new),
    CA_CERTIFICATE(CaCertificateSpec::new),
    CONSUMER(ConsumerSpec::new),
    PLUGIN(PluginSpec::new),
    KEY_AUTH(() -> new CredentialSpec("key-auth", "key-auths", "keyauth_credentials", "key", "key", false)),
    BASIC_AUTH(BasicAuthSpec::new),
    HMAC_AUTH(() -> new CredentialSpec("hmac-auth", "hmac-auths", "hmacauth_credentials", "username", "username", false)),
    JWT(() -> new CredentialSpec("jwt", "jwts", "jwt_secrets", "key", "key", false)),
    ACL(() -> new CredentialSpec("acl", "acls", "acls", "group", "group", true)),
    OAUTH2(() -> new CredentialSpec("oauth2", "oauth2", "oauth2_credentials", "client_id", "client_id", false)),
    MTLS_AUTH(() -> new CredentialSpec("mtls-auth", "mtls-auths", "mtls_auth_credentials", "subject", "subject_name", true));

    private final Supplier<EntitySpec> factory;

    EntityType(Supplier<EntitySpec> factory) {
        this.factory = factory;
    }

    /** Everything known about this kind: keys, label, parent, level, secrets, normalisation, writes, decK. */
    public EntitySpec spec() {
        return Specs.ALL.get(this);
    }

    /** Admin API collection path segment, e.g. {@code services}, {@code key-auths}. */
    public String endpoint() {
        return spec().endpoint();
    }

    /** Key of this kind in a decK file, e.g. {@code keyauth_credentials}. */
    public String deckKey() {
        return spec().deckKey();
    }

    /** Name for {@code GET /schemas/{name}}. */
    public String schemaName() {
        return spec().schemaName();
    }

    /** The foreign-key field whose entity this kind's collection lives under, if it has no top-level collection. */
    public Optional<String> nestedUnder() {
        return spec().parentKey();
    }


    public boolean isCredential() {
        return spec().credential();
    }

    /** Built on first use, after every constant exists (specs refer to other kinds). */
    private static final class Specs {
        static final Map<EntityType, EntitySpec> ALL = new EnumMap<>(EntityType.class);

        static {
            for (EntityType t : values()) ALL.put(t, t.factory.get());
        }
    }
}
