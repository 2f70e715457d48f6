package io.konggitops.translate.kongcrd;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.konggitops.problem.ObjectRef;
import io.konggitops.problem.Origin;
import io.konggitops.source.ManifestObject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A {@code KongConsumer} ({@code configuration.konghq.com/v1}) as read from a manifest. Its fields sit at the top
 * level of the object (no {@code spec}): {@code username}, {@code custom_id}, {@code credentials} (names of Secrets in
 * the consumer's namespace) and {@code consumerGroups} (names of KongConsumerGroups).
 *
 * @param ref            {@code KongConsumer ns/name}
 * @param origin         manifest file and line
 * @param username       Kong {@code username}, or null
 * @param customId       Kong {@code custom_id}, or null
 * @param credentials    Secret names, in manifest order
 * @param consumerGroups KongConsumerGroup names, in manifest order
 * @param annotations    metadata annotations (never null)
 * @param labels         metadata labels (never null)
 */
public record KongConsumerCrd(ObjectRef ref, Origin origin, String username, String customId,
                              List<String> credentials, List<String> consumerGroups,
                              Map<String, String> annotations, Map<String, String> labels) {

    public static final String KIND = "KongConsumer";
    public static final String PLUGINS_ANNOTATION = "konghq.com/plugins";
    public static final String INGRESS_CLASS_ANNOTATION = "kubernetes.io/ingress.class";

    public KongConsumerCrd {
        credentials = List.copyOf(credentials);
        consumerGroups = List.copyOf(consumerGroups);
        annotations = Map.copyOf(annotations);
        labels = Map.copyOf(labels);
    }

    /** True when the manifest is a KongConsumer of the configuration.konghq.com group. */
    public static boolean isKongConsumer(ManifestObject m) {
        return KIND.equals(m.kind()) && m.object().getApiVersion() != null
                && m.object().getApiVersion().startsWith("configuration.konghq.com/");
    }

    /** Reads a KongConsumer manifest; unknown or ill-typed fields are read as absent. */
    public static KongConsumerCrd parse(ManifestObject m) {
        HasMetadata o = m.object();
        Map<String, Object> fields = o instanceof GenericKubernetesResource g && g.getAdditionalProperties() != null
                ? g.getAdditionalProperties() : Map.of();
        Map<String, String> annotations = o.getMetadata() == null || o.getMetadata().getAnnotations() == null
                ? Map.of() : o.getMetadata().getAnnotations();
        Map<String, String> labels = o.getMetadata() == null || o.getMetadata().getLabels() == null
                ? Map.of() : o.getMetadata().getLabels();
        return new KongConsumerCrd(m.ref(), m.origin(), text(fields.get("username")), text(fields.get("custom_id")),
                names(fields.get("credentials")), names(fields.get("consumerGroups")), annotations, labels);
    }

    public String namespace() {
        return ref.namespace();
    }

    public String name() {
        return ref.name();
    }

    /** The name Kong knows the consumer by: username, else custom_id (null when both are empty). */
    public String kongName() {
        return username != null ? username : customId;
    }

    /** The {@code konghq.com/plugins} annotation split on commas, trimmed, empty entries dropped. */
    public List<String> pluginNames() {
        String v = annotations.get(PLUGINS_ANNOTATION);
        List<String> out = new ArrayList<>();
        if (v == null) return out;
        for (String s : v.split(",")) {
            if (!s.isBlank()) out.add(s.trim());
        }
        return out;
    }

    /** The {@code kubernetes.io/ingress.class} annotation, or null. */
    public String ingressClass() {
        return annotations.get(INGRESS_CLASS_ANNOTATION);
    }

    private static String text(Object v) {
        if (v == null) return null;
        String s = v.toString();
        return s.isEmpty() ? null : s;
    }

    private static List<String> names(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof Collection<?> c) {
            for (Object e : c) {
                if (e != null && !e.toString().isEmpty()) out.add(e.toString());
            }
        }
        return out;
    }
}
