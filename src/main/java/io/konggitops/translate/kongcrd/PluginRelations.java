package io.konggitops.translate.kongcrd;

import io.konggitops.source.ManifestObject;

import java.util.ArrayList;
import java.util.List;

/**
 * The Kong entities one plugin object is attached to, as KIC's {@code rels.ForeignRelations}: each relation names the
 * Kong entity (route name, service name, consumer username or custom_id) and the Kubernetes object that asked for it.
 */
final class PluginRelations {
    /** One attachment: the Kong entity's identifier and the Kubernetes object carrying the annotation. */
    record Relation(String identifier, ManifestObject referrer) {
    }

    /** One Kong plugin to make: each part may be null. */
    record Combination(Relation service, Relation route, Relation consumer) {
        List<Relation> parts() {
            List<Relation> out = new ArrayList<>();
            if (consumer != null) out.add(consumer);
            if (route != null) out.add(route);
            if (service != null) out.add(service);
            return out;
        }

        /** KIC's instance-name hash input: {@code _service-<s>}, {@code _route-<r>}, {@code _consumer-<c>}. */
        String hashInput() {
            StringBuilder b = new StringBuilder();
            if (service != null) b.append("_service-").append(service.identifier());
            if (route != null) b.append("_route-").append(route.identifier());
            if (consumer != null) b.append("_consumer-").append(consumer.identifier());
            return b.toString();
        }
    }

    final List<Relation> consumers = new ArrayList<>();
    final List<Relation> routes = new ArrayList<>();
    final List<Relation> services = new ArrayList<>();

    /**
     * KIC's {@code GetCombinations}: with consumers and routes/services, one plugin per (consumer × service) and
     * (consumer × route) pair; with consumers only, one per consumer; otherwise one per service and one per route.
     */
    List<Combination> combinations() {
        List<Combination> out = new ArrayList<>();
        if (!consumers.isEmpty()) {
            if (routes.isEmpty() && services.isEmpty()) {
                for (Relation c : consumers) out.add(new Combination(null, null, c));
                return out;
            }
            for (Relation c : consumers) {
                for (Relation s : services) out.add(new Combination(s, null, c));
                for (Relation r : routes) out.add(new Combination(null, r, c));
            }
            return out;
        }
        for (Relation s : services) out.add(new Combination(s, null, null));
        for (Relation r : routes) out.add(new Combination(null, r, null));
        return out;
    }

    /** Every object that refers to the plugin, each once, in order. */
    List<ManifestObject> referrers() {
        List<ManifestObject> out = new ArrayList<>();
        for (List<Relation> l : List.of(consumers, routes, services)) {
            for (Relation r : l) if (!out.contains(r.referrer())) out.add(r.referrer());
        }
        return out;
    }
}
