package io.konggitops.translate.naming;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Entity tags exactly as KIC's {@code GenerateTagsForObject} plus user tags from {@code konghq.com/tags}:
 * {@code k8s-name, k8s-namespace, k8s-kind, k8s-uid, k8s-group (omitted for core), k8s-version}, each only when
 * non-empty, then the user tags (de-duplicated, in annotation order).
 */
public final class KongTags {
    public static final String USER_TAGS_ANNOTATION = "konghq.com/tags";

    /** KIC's placeholder tags for a Kong service whose Kubernetes Service does not exist. */
    public static final List<String> UNKNOWN_SERVICE = List.of(
            "k8s-name:UNKNOWN", "k8s-namespace:UNKNOWN", "k8s-kind:Service",
            "k8s-uid:00000000-0000-0000-0000-000000000000", "k8s-group:core", "k8s-version:v1");

    private KongTags() {
    }

    /** Tags for a Kubernetes object, including its {@code konghq.com/tags}. */
    public static List<String> forObject(HasMetadata obj) {
        return forObject(obj, List.of());
    }

    /**
     * Tags for a Kubernetes object with KIC's additional tags (e.g. {@code k8s-named-route-rule:<rule>}) after its
     * metadata tags and before its {@code konghq.com/tags}.
     */
    public static List<String> forObject(HasMetadata obj, List<String> additional) {
        String apiVersion = obj.getApiVersion() == null ? "" : obj.getApiVersion();
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
        var meta = obj.getMetadata();
        List<String> tags = new ArrayList<>();
        add(tags, "k8s-name:", meta == null ? null : meta.getName());
        add(tags, "k8s-namespace:", meta == null ? null : meta.getNamespace());
        add(tags, "k8s-kind:", obj.getKind());
        add(tags, "k8s-uid:", meta == null ? null : meta.getUid());
        add(tags, "k8s-group:", group);
        add(tags, "k8s-version:", version);
        tags.addAll(additional);
        return withUserTags(tags, meta == null ? null : meta.getAnnotations());
    }

    /** Appends the values of {@code konghq.com/tags} (comma list) that are not already present. */
    public static List<String> withUserTags(List<String> tags, Map<String, String> annotations) {
        String v = annotations == null ? null : annotations.get(USER_TAGS_ANNOTATION);
        if (v == null || v.isEmpty()) {
            return List.copyOf(tags);
        }
        LinkedHashSet<String> out = new LinkedHashSet<>(tags);
        for (String t : v.split(",")) {
            String s = t.trim();
            if (!s.isEmpty()) out.add(s);
        }
        return List.copyOf(out);
    }

    /** The select tag appended last (when not empty and not already there). */
    public static List<String> withSelectTag(List<String> tags, String selectTag) {
        if (selectTag == null || selectTag.isEmpty() || tags.contains(selectTag)) {
            return List.copyOf(tags);
        }
        List<String> out = new ArrayList<>(tags);
        out.add(selectTag);
        return List.copyOf(out);
    }

    private static void add(List<String> tags, String prefix, String value) {
        if (value != null && !value.isEmpty()) tags.add(prefix + value);
    }
}
