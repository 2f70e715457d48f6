package io.konggitops.kong;


import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one table of secret-bearing fields. A field is sensitive by its name (last path segment) and entity kind, never
 * by what its value looks like: the top-level secret fields of each kind are in its spec
 * ({@link io.konggitops.kong.kinds.EntitySpec#secretFields()}), plugin config secrets are named here. {@code render}
 * redacts such values unless asked for secrets, diff reports show them as {@code (sensitive value changed)}, and
 * Admin API error messages never repeat them.
 */
public final class SensitiveFields {
    /** Plugin config field names that hold secrets (exact, lower case). */
    private static final Set<String> PLUGIN_CONFIG = Set.of(
            "password", "secret", "token", "key", "client_secret", "api_key", "apikey", "access_token",
            "refresh_token", "private_key", "secret_key", "session_secret", "auth_token", "bearer_token",
            "credentials", "aws_secret_access_key", "client_key", "hmac_secret", "encryption_key");
    /** Plugin config field name endings that hold secrets. */
    private static final List<String> PLUGIN_CONFIG_SUFFIXES = List.of(
            "_password", "_secret", "_token", "_key", "_secrets", "_passphrase");

    /**
     * Plugin config field name parts that hold secrets when the plugin's schema is unavailable to say which fields
     * are {@code encrypted}/{@code referenceable}: {@code *secret*}, {@code *password*}, {@code *token*},
     * {@code *passphrase*}, and names ending in {@code key} ({@code key}, {@code apikey}, {@code private_key}; not
     * {@code key_names} or {@code key_in_header}, which name where a key is looked for).
     */
    private static final List<String> PLUGIN_CONFIG_PARTS = List.of("secret", "password", "token", "passphrase");

    private SensitiveFields() {
    }

    /**
     * Whether the value at {@code path} of this entity is secret, with no schema at hand (render, decK files): by the
     * kind's table, the wider plugin config name rule, or because the translator marked it as coming from a Secret
     * ({@link KongEntity#secretPaths()}).
     */
    public static boolean isSensitive(KongEntity e, String path) {
        return isSensitive(e.type(), path) || e.secretPath(path)
                || e.type().spec().secretConfig() && path.startsWith("config.")
                && isPluginConfigSecretWithoutSchema(path);
    }

    /**
     * The wider name rule for plugin config fields when the plugin's schema is not at hand to mark them
     * {@code encrypted}/{@code referenceable} (offline, a decK file, a plugin Kong does not describe): the table's
     * names, and any name containing {@code secret}, {@code password}, {@code token}, {@code passphrase} or ending
     * in {@code key}. {@code path} is below {@code config}.
     */
    public static boolean isPluginConfigSecretWithoutSchema(String path) {
        String[] parts = path.split("\\.");
        String last = parts[parts.length - 1].toLowerCase(Locale.ROOT);
        return isPluginConfigSecret(last) || PLUGIN_CONFIG_PARTS.stream().anyMatch(last::contains)
                || last.endsWith("key");
    }

    /** Whether the value at {@code path} (dot-separated, e.g. {@code config.redis.password}) of a kind is secret. */
    public static boolean isSensitive(EntityType type, String path) {
        String[] parts = path.split("\\.");
        String last = parts[parts.length - 1].toLowerCase(Locale.ROOT);
        if (parts.length == 1) return type.spec().secretFields().contains(last);
        return type.spec().secretConfig() && "config".equals(parts[0]) && isPluginConfigSecret(last);
    }

    private static boolean isPluginConfigSecret(String name) {
        return PLUGIN_CONFIG.contains(name) || PLUGIN_CONFIG_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    /**
     * Whether a field of this exact name holds a secret in some kind (a top-level secret field, or a plugin config
     * secret): for messages that name fields without saying of which kind or where, such as Kong's error fields.
     */
    public static boolean isSecretName(String name) {
        if (PLUGIN_CONFIG.contains(name)) return true;
        for (EntityType t : EntityType.values()) {
            if (t.spec().secretFields().contains(name)) return true;
        }
        return false;
    }

    /**
     * Whether the kind has top-level secret fields (certificates, credentials): Kong's error messages about such an
     * entity may repeat a secret (a UNIQUE violation on a key), so only their status and name are shown.
     */
    public static boolean hasSecretFields(EntityType type) {
        return !type.spec().secretFields().isEmpty();
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
