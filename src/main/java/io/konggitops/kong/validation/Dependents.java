package io.konggitops.kong.validation;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.KongState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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

    private static final Map<String, EntityType> FOREIGN_KEYS = Map.of("service", EntityType.SERVICE,
            "route", EntityType.ROUTE, "consumer", EntityType.CONSUMER, "upstream", EntityType.UPSTREAM,
            "certificate", EntityType.CERTIFICATE, "client_certificate", EntityType.CERTIFICATE);

    private Dependents() {
    }

    public static Pruned prune(KongState state, Set<KongEntity> leftOut) {
        Map<KongEntity, Boolean> out = new IdentityHashMap<>();
        Set<String> goneKeys = new HashSet<>();
        for (KongEntity e : state.entities()) {
            if (leftOut.contains(e)) {
                out.put(e, Boolean.TRUE);
                goneKeys.addAll(keys(e));
            }
        }
        List<KongEntity> dependents = new ArrayList<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (KongEntity e : state.entities()) {
                if (out.containsKey(e) || refs(e).stream().noneMatch(goneKeys::contains)) continue;
                out.put(e, Boolean.FALSE);
                goneKeys.addAll(keys(e));
                dependents.add(e);
                changed = true;
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
        Map<String, int[]> routesByService = new HashMap<>(); // key → {all, kept}
        Map<String, int[]> servicesByUpstream = new HashMap<>();
        for (KongEntity e : state.entities()) {
            if (e.type() == EntityType.ROUTE) count(routesByService, refs(e), out.containsKey(e));
        }
        List<KongEntity> orphans = new ArrayList<>();
        for (KongEntity s : state.entities()) {
            if (s.type() != EntityType.SERVICE) continue;
            boolean gone = out.containsKey(s);
            if (!gone && keys(s).stream().map(routesByService::get)
                    .anyMatch(c -> c != null && c[0] > 0 && c[1] == 0)) {
                orphans.add(s);
                gone = true;
            }
            count(servicesByUpstream, refs(s), gone);
        }
        for (KongEntity u : state.entities()) {
            if (u.type() != EntityType.UPSTREAM || out.containsKey(u)) continue;
            if (keys(u).stream().map(servicesByUpstream::get).anyMatch(c -> c != null && c[0] > 0 && c[1] == 0)) {
                orphans.add(u);
            }
        }
        Set<String> orphanKeys = new HashSet<>();
        for (KongEntity o : orphans) {
            out.put(o, Boolean.FALSE);
            dependents.add(o);
            orphanKeys.addAll(keys(o));
        }
        for (KongEntity t : state.entities()) {
            if (!out.containsKey(t) && refs(t).stream().anyMatch(orphanKeys::contains)) {
                out.put(t, Boolean.FALSE);
                dependents.add(t);
            }
        }
    }

    private static void count(Map<String, int[]> counts, List<String> refs, boolean gone) {
        for (String r : refs) {
            int[] c = counts.computeIfAbsent(r, k -> new int[2]);
            c[0]++;
            if (!gone) c[1]++;
        }
    }

    /** How other entities may point at {@code e}: {@code TYPE id:...} and {@code TYPE name:...}. */
    static List<String> keys(KongEntity e) {
        List<String> keys = new ArrayList<>(2);
        if (e.id() != null) keys.add(e.type() + " id:" + e.id());
        if (e.name() != null) keys.add(e.type() + " name:" + e.name());
        return keys;
    }

    /** What {@code e} points at, in the form of {@link #keys}. */
    static List<String> refs(KongEntity e) {
        List<String> refs = new ArrayList<>();
        for (Map.Entry<String, EntityType> fk : FOREIGN_KEYS.entrySet()) {
            if (e.get(fk.getKey()) instanceof Map<?, ?> m) {
                if (m.get("id") != null) refs.add(fk.getValue() + " id:" + m.get("id"));
                if (m.get("name") != null) refs.add(fk.getValue() + " name:" + m.get("name"));
            }
        }
        if (e.type() == EntityType.SERVICE) {
            if (e.get("ca_certificates") instanceof List<?> ids) {
                for (Object id : ids) refs.add(EntityType.CA_CERTIFICATE + " id:" + id);
            }
            if (e.string("host") != null) refs.add(EntityType.UPSTREAM + " name:" + e.string("host"));
        }
        return refs;
    }
}
