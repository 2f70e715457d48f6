package io.konggitops.kong.deck;

import io.konggitops.kong.EntityType;

import java.util.Map;
import java.util.Set;

/** Which fields of which entity type hold secrets and are redacted unless secrets are asked for (by field, never by value). */
public final class SecretFields {
    public static final String REDACTED = "<redacted: run render --include-secrets to include>";

    private static final Map<EntityType, Set<String>> FIELDS = Map.of(
            EntityType.CERTIFICATE, Set.of("key", "key_alt"),
            EntityType.KEY_AUTH, Set.of("key"),
            EntityType.BASIC_AUTH, Set.of("password"),
            EntityType.HMAC_AUTH, Set.of("secret"),
            EntityType.JWT, Set.of("secret"),
            EntityType.OAUTH2, Set.of("client_secret"));

    private SecretFields() {
    }

    public static Set<String> of(EntityType type) {
        return FIELDS.getOrDefault(type, Set.of());
    }
}
