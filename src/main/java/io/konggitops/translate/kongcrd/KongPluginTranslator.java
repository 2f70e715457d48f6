package io.konggitops.translate.kongcrd;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.konggitops.cluster.ClusterView;
import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.problem.Severity;
import io.konggitops.source.ManifestObject;
import io.konggitops.source.Manifests;
import io.konggitops.translate.Diagnostics;
import io.konggitops.translate.TranslateOptions;
import io.konggitops.translate.model.RouteDraft;
import io.konggitops.translate.model.ServiceDraft;
import io.konggitops.translate.naming.KongIds;
import io.konggitops.translate.naming.KongTags;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * KongPlugin and KongClusterPlugin → Kong plugins, as KIC's {@code kongstate.FillPlugins}: the
 * {@code konghq.com/plugins} annotations of Kubernetes Services (one plugin per Kong service made from them), route
 * objects (Ingresses, HTTPRoutes...: one per Kong route; HTTPRoute ExtensionRef filters add their KongPlugins there)
 * and KongConsumers attach plugins; KIC's relation combinations decide how many Kong plugins one
 * object becomes; KongClusterPlugins labelled {@code global: "true"} become global plugins. Plugins are top-level
 * entities naming their parents, with go-kong's {@code FillID} ids and the KongPlugin's tags.
 */
public final class KongPluginTranslator {
    private static final String GLOBAL_LABEL = "global";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ClusterView view;
    private final Diagnostics diag;
    private final TranslateOptions options;
    private final PluginConfigs configs;

    public KongPluginTranslator(ClusterView view, Diagnostics diag, TranslateOptions options) {
        this.view = view;
        this.diag = diag;
        this.options = options;
        this.configs = new PluginConfigs(view);
    }

    /** The plugins for the Kong services and routes already translated, the KongConsumers and the globals. */
    public List<KongEntity> translate(Manifests manifests, List<ServiceDraft> services) {
        PluginLookup lookup = new PluginLookup(manifests);
        IngressClassAnnotation classRule = new IngressClassAnnotation(manifests, options.ingressClass());
        Map<String, PluginRelations> byPlugin = new LinkedHashMap<>();
        Map<String, PluginLookup.Resolved> resolved = new LinkedHashMap<>();
        for (ServiceDraft s : services) {
            if (s.k8sService != null) {
                ManifestObject svc = new ManifestObject(s.k8sService, view.originOf("Service",
                        s.k8sService.getMetadata().getNamespace(), s.k8sService.getMetadata().getName()).orElse(null));
                for (PluginLookup.Reference ref : PluginLookup.references(svc)) {
                    relate(lookup, svc, "", ref, byPlugin, resolved).services
                            .add(new PluginRelations.Relation(s.name, svc));
                }
            }
            for (RouteDraft r : s.routes) {
                for (PluginLookup.Reference ref : routeReferences(r)) {
                    relate(lookup, r.source, group(r.source), ref, byPlugin, resolved).routes
                            .add(new PluginRelations.Relation(r.name, r.source));
                }
            }
        }
        for (ManifestObject mo : manifests.objects()) {
            if (!KongConsumerCrd.isKongConsumer(mo) || !classRule.accepts(mo)) continue;
            KongConsumerCrd c = KongConsumerCrd.parse(mo);
            if (c.kongName() == null) continue;
            for (PluginLookup.Reference ref : PluginLookup.references(mo)) {
                relate(lookup, mo, KongPluginCrd.GROUP, ref, byPlugin, resolved).consumers
                        .add(new PluginRelations.Relation(c.kongName(), mo));
            }
        }
        List<KongEntity> out = new ArrayList<>();
        byPlugin.forEach((key, rels) -> {
            if (key.startsWith("!")) return;
            out.addAll(build(resolved.get(key), rels));
        });
        out.addAll(globals(lookup, classRule));
        return out;
    }

    /**
     * The plugins a Kong route attaches: its object's {@code konghq.com/plugins}, then the KongPlugins its Gateway API
     * ExtensionRef filters name (KIC appends those to the annotation; they are in the route object's namespace).
     */
    private static List<PluginLookup.Reference> routeReferences(RouteDraft r) {
        List<PluginLookup.Reference> refs = new ArrayList<>(PluginLookup.references(r.source));
        for (String name : r.extraPluginNames) refs.add(new PluginLookup.Reference("", name));
        return refs;
    }

    /** The API group of a route object ({@code networking.k8s.io}, {@code gateway.networking.k8s.io}...). */
    private static String group(ManifestObject mo) {
        String apiVersion = mo.object().getApiVersion();
        int slash = apiVersion == null ? -1 : apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** The relations of the plugin {@code ref} leads to; references that lead nowhere collect under a dead key. */
    private PluginRelations relate(PluginLookup lookup, ManifestObject referrer, String group,
                                   PluginLookup.Reference ref, Map<String, PluginRelations> byPlugin,
                                   Map<String, PluginLookup.Resolved> resolved) {
        PluginLookup.Resolved r = lookup.resolve(referrer, group, ref);
        if (!r.found()) {
            diag.report(Severity.ERROR, referrer, r.error(), r.hint());
            return byPlugin.computeIfAbsent("!" + r.key(), k -> new PluginRelations());
        }
        resolved.putIfAbsent(r.key(), r);
        return byPlugin.computeIfAbsent(r.key(), k -> new PluginRelations());
    }

    private List<KongEntity> build(PluginLookup.Resolved r, PluginRelations rels) {
        KongPluginCrd p = r.plugin();
        PluginConfigs.Result config = configs.resolve(p);
        if (config.failed()) {
            diag.report(Severity.ERROR, p.source(), config.error(), config.hint());
            for (ManifestObject referrer : rels.referrers()) {
                diag.report(Severity.WARNING, referrer, "plugin \"" + r.reference() + "\" (" + p.label()
                        + ") is left out: it could not be translated (see its error)", "fix " + p.label());
            }
            return List.of();
        }
        Set<String> usedInstanceNames = new HashSet<>();
        List<KongEntity> out = new ArrayList<>();
        for (PluginRelations.Combination c : rels.combinations()) {
            Map<String, Object> f = fields(p, config.config());
            String svc = c.service() == null ? null : c.service().identifier();
            String route = c.route() == null ? null : c.route().identifier();
            String consumer = c.consumer() == null ? null : c.consumer().identifier();
            f.put("id", KongIds.plugin(options.workspace(), p.plugin(), svc, route, consumer, null));
            if (svc != null) f.put("service", Map.of("id", KongIds.service(options.workspace(), svc)));
            if (route != null) f.put("route", Map.of("id", KongIds.route(options.workspace(), route)));
            if (consumer != null) f.put("consumer", consumerRef(c.consumer()));
            if (p.instanceName() != null) {
                String full = KongIds.sha256Hex(c.hashInput());
                String name = p.instanceName() + "-" + full.substring(0, 9);
                if (!usedInstanceNames.add(name)) {
                    name = p.instanceName() + "-" + full;
                    usedInstanceNames.add(name);
                }
                f.put("instance_name", name);
            }
            out.add(new KongEntity(EntityType.PLUGIN, f, p.source().ref(), p.source().origin())
                    .withSecretPaths(secretPaths(p)));
        }
        return out;
    }

    /** The config paths whose values came from a Secret (configFrom: all of config; configPatches: their paths). */
    private static List<String> secretPaths(KongPluginCrd p) {
        List<String> paths = new ArrayList<>();
        if (p.configFrom() != null) paths.add("config");
        for (KongPluginCrd.ConfigPatch patch : p.configPatches()) {
            String pointer = patch.path() == null ? "" : patch.path();
            StringBuilder path = new StringBuilder("config");
            for (String token : pointer.split("/")) {
                if (token.isEmpty()) continue;
                if (token.equals("-") || token.chars().allMatch(Character::isDigit)) break; // an array: mask all of it
                path.append('.').append(token.replace("~1", "/").replace("~0", "~"));
            }
            paths.add(path.toString());
        }
        return paths;
    }

    private Object consumerRef(PluginRelations.Relation consumer) {
        KongConsumerCrd c = KongConsumerCrd.parse(consumer.referrer());
        if (c.username() != null) return Map.of("id", KongIds.consumer(options.workspace(), c.username()));
        return Map.of("name", c.customId());
    }

    /**
     * KongClusterPlugins labelled {@code global: "true"} of this class: plugins without parents. Two of them for the
     * same Kong plugin name are all left out, as KIC does.
     */
    private List<KongEntity> globals(PluginLookup lookup, IngressClassAnnotation classRule) {
        Map<String, List<KongPluginCrd>> byName = new LinkedHashMap<>();
        for (ManifestObject mo : lookup.clusterPlugins()) {
            if (!"true".equals(mo.object().getMetadata().getLabels() == null ? null
                    : mo.object().getMetadata().getLabels().get(GLOBAL_LABEL))) {
                continue;
            }
            if (!classRule.accepts(mo)) {
                diag.report(Severity.INFO, mo, "global plugin ignored: annotation " + IngressClassAnnotation.KEY
                        + " is not \"" + classRule.ingressClass() + "\"", "set the annotation "
                        + IngressClassAnnotation.KEY + ": " + classRule.ingressClass());
                continue;
            }
            KongPluginCrd p = KongPluginCrd.parse(mo);
            if (p.plugin() == null) {
                diag.report(Severity.ERROR, mo, "invalid KongClusterPlugin: empty plugin property",
                        "set plugin to the Kong plugin name");
                continue;
            }
            byName.computeIfAbsent(p.plugin(), k -> new ArrayList<>()).add(p);
        }
        List<KongEntity> out = new ArrayList<>();
        byName.forEach((name, ps) -> {
            if (ps.size() > 1) {
                for (KongPluginCrd p : ps) {
                    diag.report(Severity.ERROR, p.source(), "multiple global KongClusterPlugins for plugin " + name
                            + " (" + String.join(", ", ps.stream().map(KongPluginCrd::label).toList())
                            + "): none of them is applied, as in KIC", "keep one global KongClusterPlugin per plugin");
                }
                return;
            }
            KongPluginCrd p = ps.get(0);
            PluginConfigs.Result config = configs.resolve(p);
            if (config.failed()) {
                diag.report(Severity.ERROR, p.source(), config.error(), config.hint());
                return;
            }
            Map<String, Object> f = fields(p, config.config());
            f.put("id", KongIds.plugin(options.workspace(), name, null, null, null, null));
            if (p.instanceName() != null) f.put("instance_name", p.instanceName());
            out.add(new KongEntity(EntityType.PLUGIN, f, p.source().ref(), p.source().origin()));
        });
        return out;
    }

    /** The fields every Kong plugin made from {@code p} shares (KIC {@code toKongPlugin}). */
    private Map<String, Object> fields(KongPluginCrd p, Map<String, Object> config) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", p.plugin());
        f.put("config", config);
        if (p.disabled()) f.put("enabled", false);
        if (!p.protocols().isEmpty()) f.put("protocols", p.protocols());
        if (p.ordering() != null) f.put("ordering", JSON.convertValue(p.ordering(), Map.class));
        if (p.runOn() != null) {
            diag.report(Severity.WARNING, p.source(), "run_on is ignored: Kong 3.x has no run_on field and KIC "
                    + "clears it (deckgen fillPlugin)", "remove run_on from " + p.label());
        }
        f.put("tags", KongTags.withSelectTag(KongTags.forObject(p.source().object()), options.selectTag()));
        return f;
    }
}
