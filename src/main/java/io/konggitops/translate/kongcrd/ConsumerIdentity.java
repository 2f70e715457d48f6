package io.konggitops.translate.kongcrd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.konggitops.source.ManifestObject;

/**
 * The Kong identity of a KongConsumer ({@code configuration.konghq.com/v1}, fields at the top level) as plugins refer
 * to it: the {@code username}, else the {@code custom_id} (KIC {@code getPluginRelations}). The consumer entities
 * themselves are made by the consumer translator.
 */
record ConsumerIdentity(ManifestObject source, String username, String customId) {
    static final String KIND = "KongConsumer";
    private static final ObjectMapper JSON = new ObjectMapper();

    static boolean isConsumer(ManifestObject mo) {
        return KIND.equals(mo.kind()) && mo.object().getApiVersion() != null
                && mo.object().getApiVersion().startsWith(KongPluginCrd.GROUP + "/");
    }

    static ConsumerIdentity of(ManifestObject mo) {
        JsonNode n = JSON.valueToTree(mo.object());
        return new ConsumerIdentity(mo, text(n, "username"), text(n, "custom_id"));
    }

    /** The name plugins use for the consumer; null when it has neither username nor custom_id. */
    String identifier() {
        return username != null ? username : customId;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }
}
