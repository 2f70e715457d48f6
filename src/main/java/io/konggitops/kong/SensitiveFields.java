package io.konggitops.kong;


import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one table of secret-bearing fields. A field is sensitive by its name (last path segment) and entity kind, never
 * by what its value looks like. {@code render} redacts such values unless asked for secrets, and diff reports show
 * them as {@code (sensitive value changed)}.
 */
public final class SensitiveFields {
    private static final Set<String> CERTIFICATE = Set.of("key", "key_alt");
    private static final Set<String> CREDENTIAL = Set.of("key", "password", "secret", "client_secret");
    /** Plugin config field names that hold secrets (exact, lower case). */
    private static final Set<String> PLUGIN_CONFIG = Set.of(
            "password", "secret", "token", "key", "client_secret", "api_key", "apikey", "access_token",
            "refresh_token", "private_key", "secret_key", "session_secret", "auth_token", "bearer_token",
            "credentials", "aws_secret_access_key", "client_key", "hmac_secret", "encryption_key");
    /** Plugin config field name endings that hold secrets. */
    private static final List<String> PLUGIN_CONFIG_SUFFIXES = List.of(
            "_password", "_secret", "_token", "_key", "_secrets", "_passphrase");

    private SensitiveFields() {
    }

    /** Whether the value at {@code path} (dot-separated, e.g. {@code config.redis.password}) of a kind is secret. */
    public static boolean isSensitive(EntityType type, String path) {
        String[] parts = path.split("\\.");
        String last = parts[parts.length - 1].toLowerCase(Locale.ROOT);
        return switch (type) {
            case CERTIFICATE -> parts.length == 1 && CERTIFICATE.contains(last);
            case KEY_AUTH, BASIC_AUTH, HMAC_AUTH, JWT, OAUTH2 -> parts.length == 1 && CREDENTIAL.contains(last);
            case PLUGIN -> parts.length > 1 && "config".equals(parts[0])
                    && (PLUGIN_CONFIG.contains(last) || PLUGIN_CONFIG_SUFFIXES.stream().anyMatch(last::endsWith));
            default -> false;
        };
    }

    /** Whether {@code value} at {@code path} is, or contains (for objects), a sensitive field. */
    public static boolean containsSensitive(EntityType type, String path, Object value) {
        if (isSensitive(type, path)) return true;
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (containsSensitive(type, path + "." + e.getKey(), e.getValue())) return true;
            }
        }
        return false;
    }
}
