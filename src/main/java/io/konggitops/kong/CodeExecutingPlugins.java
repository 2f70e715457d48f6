package io.konggitops.kong;

import java.util.Map;
import java.util.Set;

/**
 * Plugins that run code given in their config: what a reviewer of a diff must see. Kong's serverless plugins
 * {@code pre-function} and {@code post-function} ({@code kong/plugins/pre-function/_schema.lua}: Lua chunks per
 * phase, run inside Kong, the {@code untrusted_lua} setting's sandbox); and any plugin whose config sets
 * {@code custom_fields_by_lua} (the log plugins: Lua run by Kong per request). Kong's plugin list
 * ({@code kong/constants.lua}) names no other in-process code runner; {@code aws-lambda}/{@code azure-functions} call
 * remote functions and are not flagged.
 */
public final class CodeExecutingPlugins {
    private static final Set<String> SERVERLESS = Set.of("pre-function", "post-function");

    private CodeExecutingPlugins() {
    }

    /** Whether this plugin entity runs code from its config inside Kong. */
    public static boolean is(KongEntity e) {
        if (e == null || e.type() != EntityType.PLUGIN) return false;
        if (SERVERLESS.contains(e.name())) return true;
        return e.get("config") instanceof Map<?, ?> config && config.get("custom_fields_by_lua") instanceof Map<?, ?> m
                && !m.isEmpty();
    }

    /** Why it is flagged, for reports. */
    public static String reason(KongEntity e) {
        return SERVERLESS.contains(e.name()) ? "runs the Lua code in its config inside Kong"
                : "runs the Lua code of config.custom_fields_by_lua inside Kong";
    }
}
