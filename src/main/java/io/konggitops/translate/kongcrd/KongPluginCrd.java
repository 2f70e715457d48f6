package io.konggitops.translate.kongcrd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.konggitops.source.ManifestObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A KongPlugin or KongClusterPlugin ({@code configuration.konghq.com/v1}) as KIC reads it: the fields sit at the top
 * level of the object, not under {@code spec}. Kong CRDs load as fabric8 {@code GenericKubernetesResource}; this
 * record is their typed view.
 *
 * @param source       the manifest object
 * @param cluster      true for a KongClusterPlugin (its Secret references carry a namespace)
 * @param plugin       {@code plugin}: the Kong plugin name
 * @param config       {@code config} (null when absent)
 * @param configFrom   {@code configFrom.secretKeyRef} (null when absent)
 * @param configPatches {@code configPatches}, in order
 * @param disabled     {@code disabled}
 * @param protocols    {@code protocols} (empty when absent)
 * @param runOn        {@code run_on} (null when absent)
 * @param ordering     {@code ordering} (null when absent)
 * @param instanceName {@code instance_name} (null when absent)
 */
public record KongPluginCrd(ManifestObject source, boolean cluster, String plugin, JsonNode config,
                            SecretKeyRef configFrom, List<ConfigPatch> configPatches, boolean disabled,
                            List<String> protocols, String runOn, JsonNode ordering, String instanceName) {
    public static final String KONG_PLUGIN = "KongPlugin";
    public static final String KONG_CLUSTER_PLUGIN = "KongClusterPlugin";
    public static final String GROUP = "configuration.konghq.com";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code secretKeyRef}: {@code namespace} is only given on a KongClusterPlugin ({@code ""} otherwise). */
    public record SecretKeyRef(String namespace, String name, String key) {
    }

    /** One {@code configPatches} entry: JSON-Patch {@code add} of the Secret value at {@code path}. */
    public record ConfigPatch(String path, SecretKeyRef valueFrom) {
    }

    public KongPluginCrd {
        configPatches = List.copyOf(configPatches);
        protocols = List.copyOf(protocols);
    }

    public static boolean isPlugin(ManifestObject mo) {
        return (KONG_PLUGIN.equals(mo.kind()) || KONG_CLUSTER_PLUGIN.equals(mo.kind()))
                && mo.object().getApiVersion() != null && mo.object().getApiVersion().startsWith(GROUP + "/");
    }

    public static KongPluginCrd parse(ManifestObject mo) {
        JsonNode n = JSON.valueToTree(mo.object());
        boolean cluster = KONG_CLUSTER_PLUGIN.equals(mo.kind());
        List<ConfigPatch> patches = new ArrayList<>();
        for (JsonNode p : n.path("configPatches")) {
            patches.add(new ConfigPatch(p.path("path").asText(""),
                    secretKeyRef(p.path("valueFrom").path("secretKeyRef"), cluster)));
        }
        List<String> protocols = new ArrayList<>();
        for (JsonNode p : n.path("protocols")) protocols.add(p.asText());
        JsonNode config = n.get("config");
        JsonNode from = n.path("configFrom").path("secretKeyRef");
        return new KongPluginCrd(mo, cluster, text(n, "plugin"),
                config == null || config.isNull() ? null : config,
                from.isMissingNode() || from.isNull() ? null : secretKeyRef(from, cluster), patches,
                n.path("disabled").asBoolean(false), protocols, text(n, "run_on"),
                n.hasNonNull("ordering") ? n.get("ordering") : null, text(n, "instance_name"));
    }

    private static SecretKeyRef secretKeyRef(JsonNode ref, boolean cluster) {
        return new SecretKeyRef(cluster ? ref.path("namespace").asText("") : "", ref.path("name").asText(""),
                ref.path("key").asText(""));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }

    /** {@code Kind ns/name} of the plugin object. */
    public String label() {
        return cluster ? KONG_CLUSTER_PLUGIN + " " + source.name() : KONG_PLUGIN + " " + source.namespace() + "/"
                + source.name();
    }

    public Map<String, String> labels() {
        Map<String, String> l = source.object().getMetadata().getLabels();
        return l == null ? Map.of() : l;
    }

    public Map<String, String> annotations() {
        Map<String, String> a = source.object().getMetadata().getAnnotations();
        return a == null ? Map.of() : a;
    }
}
