package io.konggitops.kong.validation;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.KongState;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What leaving entities out of a state takes with it: every entity that references a left-out one, transitively, as
 * KIC's fallback configuration does. References: a route's, plugin's or credential's foreign keys ({@code service},
 * {@code route}, {@code consumer}), a target's {@code upstream}, an SNI's {@code certificate}, a service's
 * {@code client_certificate} and {@code ca_certificates}, and a service whose {@code host} is a left-out upstream. Services
 * left without any route, and upstreams left without any service, go too.
 */
public final class Dependents {
    /** The state without the left-out entities, and the ones left out only because of what they depend on. */
    public record Pruned(KongState kept, List<KongEntity> dependents) {
    }

    private Dependents() {
    }

    public static Pruned prune(KongState state, Set<KongEntity> leftOut) {
        Map<KongEntity, Boolean> out = new IdentityHashMap<>();
        for (KongEntity e : state.entities()) {
            if (leftOut.contains(e)) out.put(e, Boolean.TRUE);
        }
        List<KongEntity> dependents = new ArrayList<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (KongEntity e : state.entities()) {
                if (out.containsKey(e)) continue;
                for (KongEntity gone : List.copyOf(out.keySet())) {
                    if (references(e, gone)) {
                        out.put(e, Boolean.FALSE);
                        dependents.add(e);
                        changed = true;
                        break;
                    }
                }
            }
        }
        orphans(state, out, dependents);
        List<KongEntity> kept = state.entities().stream().filter(e -> !out.containsKey(e)).toList();
        return new Pruned(new KongState(kept), dependents);
    }

    /**
     * A service that had routes and lost them all exists only for them (KIC builds services from routing rules), so it
     * goes too; so does an upstream no kept service points at any more, with its targets.
     */
    private static void orphans(KongState state, Map<KongEntity, Boolean> out, List<KongEntity> dependents) {
        List<KongEntity> orphans = new ArrayList<>();
        for (KongEntity s : state.entities()) {
            if (s.type() != EntityType.SERVICE || out.containsKey(s)) continue;
            List<KongEntity> routes = state.entities().stream()
                    .filter(r -> r.type() == EntityType.ROUTE && references(r, s)).toList();
            if (!routes.isEmpty() && routes.stream().allMatch(out::containsKey)) orphans.add(s);
        }
        for (KongEntity u : state.entities()) {
            if (u.type() != EntityType.UPSTREAM || out.containsKey(u)) continue;
            List<KongEntity> users = state.entities().stream()
                    .filter(s -> s.type() == EntityType.SERVICE && references(s, u)).toList();
            if (!users.isEmpty() && users.stream().allMatch(s -> out.containsKey(s) || orphans.contains(s))) {
                orphans.add(u);
            }
        }
        for (KongEntity o : orphans) {
            out.put(o, Boolean.FALSE);
            dependents.add(o);
        }
        for (KongEntity t : state.entities()) {
            if (!out.containsKey(t) && orphans.stream().anyMatch(o -> references(t, o))) {
                out.put(t, Boolean.FALSE);
                dependents.add(t);
            }
        }
    }

    /** Whether {@code e} points at {@code target}. */
    static boolean references(KongEntity e, KongEntity target) {
        for (String fk : List.of("service", "route", "consumer", "upstream", "certificate", "client_certificate")) {
            if (pointsAt(e.get(fk), target, fk)) return true;
        }
        if (e.type() == EntityType.SERVICE) {
            if (target.type() == EntityType.CA_CERTIFICATE && e.get("ca_certificates") instanceof List<?> ids
                    && target.id() != null && ids.contains(target.id())) {
                return true;
            }
            return target.type() == EntityType.UPSTREAM && target.name() != null
                    && target.name().equals(e.string("host"));
        }
        return false;
    }

    private static boolean pointsAt(Object ref, KongEntity target, String field) {
        if (!(ref instanceof Map<?, ?> m) || !kindOf(field).equals(target.type())) return false;
        Object id = m.get("id");
        Object name = m.get("name");
        return (id != null && id.equals(target.id())) || (name != null && name.equals(target.name()));
    }

    private static EntityType kindOf(String field) {
        return switch (field) {
            case "service" -> EntityType.SERVICE;
            case "route" -> EntityType.ROUTE;
            case "consumer" -> EntityType.CONSUMER;
            case "upstream" -> EntityType.UPSTREAM;
            default -> EntityType.CERTIFICATE;
        };
    }
}
