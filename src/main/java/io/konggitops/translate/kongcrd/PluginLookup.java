package io.konggitops.translate.kongcrd;

import io.konggitops.source.ManifestObject;
import io.konggitops.source.Manifests;
import io.konggitops.translate.gateway.ReferenceGrants;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves a plugin reference made by a Kubernetes object, as KIC does for {@code konghq.com/plugins} (and, later,
 * Gateway API {@code ExtensionRef} filters): {@code name} means the referrer's namespace, {@code namespace:name} another
 * namespace, which needs a ReferenceGrant there from the referrer's (group, kind, namespace) to KongPlugin; the
 * KongPlugin of that namespace is taken first, else the KongClusterPlugin of that name.
 */
public final class PluginLookup {
    /** The {@code konghq.com/plugins} annotation: a comma list of {@code name} or {@code namespace:name}. */
    public static final String ANNOTATION = "konghq.com/plugins";

    /** One parsed reference; {@code namespace} is {@code ""} when the referrer's namespace is meant. */
    public record Reference(String namespace, String name) {
        @Override
        public String toString() {
            return namespace.isEmpty() ? name : namespace + ":" + name;
        }
    }

    /** Where a reference leads: a plugin object, or an error message (not found, not granted). */
    public record Resolved(Reference reference, String namespace, KongPluginCrd plugin, String error, String hint) {
        public boolean found() {
            return plugin != null;
        }

        /** The key that groups every reference to the same plugin object ({@code namespace:name} as KIC). */
        public String key() {
            return namespace + ":" + reference.name();
        }
    }

    private final Map<String, ManifestObject> kongPlugins = new HashMap<>();
    private final Map<String, ManifestObject> clusterPlugins = new HashMap<>();
    private final ReferenceGrants grants;

    public PluginLookup(Manifests manifests) {
        for (ManifestObject mo : manifests.objects()) {
            if (!KongPluginCrd.isPlugin(mo)) continue;
            if (KongPluginCrd.KONG_PLUGIN.equals(mo.kind())) kongPlugins.put(mo.namespace() + "/" + mo.name(), mo);
            else clusterPlugins.put(mo.name(), mo);
        }
        this.grants = new ReferenceGrants(manifests);
    }

    /** The references in an object's {@code konghq.com/plugins} annotation, in order. */
    public static List<Reference> references(ManifestObject referrer) {
        Map<String, String> anns = referrer.object().getMetadata().getAnnotations();
        String v = anns == null ? null : anns.get(ANNOTATION);
        List<Reference> out = new ArrayList<>();
        if (v == null) return out;
        for (String raw : v.split(",")) {
            String item = raw.trim();
            if (item.isEmpty()) continue;
            int colon = item.indexOf(':');
            out.add(colon < 0 ? new Reference("", item)
                    : new Reference(item.substring(0, colon).trim(), item.substring(colon + 1).trim()));
        }
        return out;
    }

    /**
     * Resolves {@code ref} made by {@code referrer}, whose API group is {@code referrerGroup} ({@code ""} for core).
     */
    public Resolved resolve(ManifestObject referrer, String referrerGroup, Reference ref) {
        String ns = referrer.namespace();
        if (!ref.namespace().isEmpty() && !ref.namespace().equals(ns)) {
            if (!grants.allows(referrerGroup, referrer.kind(), ns, KongPluginCrd.GROUP, KongPluginCrd.KONG_PLUGIN,
                    ref.namespace(), ref.name())) {
                return new Resolved(ref, ref.namespace(), null, "no grant found to referenced \"" + ref
                        + "\" plugin in the requested remote KongPlugin bind", "add a ReferenceGrant in namespace "
                        + ref.namespace() + " from {group: \"" + referrerGroup + "\", kind: " + referrer.kind()
                        + ", namespace: " + ns + "} to {group: " + KongPluginCrd.GROUP + ", kind: KongPlugin}");
            }
            ns = ref.namespace();
        } else if (!ref.namespace().isEmpty()) {
            ns = ref.namespace();
        }
        Optional<ManifestObject> mo = Optional.ofNullable(kongPlugins.get(ns + "/" + ref.name()))
                .or(() -> Optional.ofNullable(clusterPlugins.get(ref.name())));
        if (mo.isEmpty()) {
            return new Resolved(ref, ns, null, "referenced KongPlugin or KongClusterPlugin \"" + ref.name()
                    + "\" does not exist", "create KongPlugin " + ns + "/" + ref.name() + " (or KongClusterPlugin "
                    + ref.name() + "), or fix " + ANNOTATION);
        }
        return new Resolved(ref, ns, KongPluginCrd.parse(mo.get()), null, null);
    }

    /** Every KongClusterPlugin of the repository. */
    public List<ManifestObject> clusterPlugins() {
        return clusterPlugins.values().stream()
                .sorted(java.util.Comparator.comparing(ManifestObject::name)).toList();
    }
}
