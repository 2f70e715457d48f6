package io.konggitops.apply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.KongState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a desired state as a Kong declarative configuration ({@code _format_version: "3.0"}) for DB-less
 * {@code POST /config}: routes nested in their service, targets in their upstream, SNIs in their certificate,
 * credentials in their consumer; plugins and CA certificates top-level, plugins referring to their service, route
 * and consumer by id.
 */
final class DeclarativeConfig {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeclarativeConfig() {
    }

    static String render(KongState state) {
        try {
            return JSON.writeValueAsString(document(state));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render declarative config", e);
        }
    }

    static Map<String, Object> document(KongState state) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("_format_version", "3.0");
        Map<String, Map<String, Object>> services = index(state, EntityType.SERVICE, "id");
        Map<String, Map<String, Object>> upstreams = index(state, EntityType.UPSTREAM, "name");
        Map<String, String> upstreamNameById = new HashMap<>();
        state.of(EntityType.UPSTREAM).filter(u -> u.id() != null).forEach(u -> upstreamNameById.put(u.id(), u.name()));
        Map<String, Map<String, Object>> certs = index(state, EntityType.CERTIFICATE, "id");
        Map<String, Map<String, Object>> consumers = index(state, EntityType.CONSUMER, "id");
        List<Object> looseRoutes = new ArrayList<>();
        state.of(EntityType.ROUTE).forEach(r -> nest(services, r.foreignKey("service"), "routes", r, "service",
                looseRoutes));
        state.of(EntityType.TARGET).forEach(t -> {
            String u = t.foreignKey("upstream");
            nest(upstreams, upstreamNameById.getOrDefault(u, u), "targets", t, "upstream", null);
        });
        certs.values().forEach(c -> c.remove("snis"));
        state.of(EntityType.SNI).forEach(s -> nest(certs, s.foreignKey("certificate"), "snis", s, "certificate", null));
        for (EntityType cred : EntityType.values()) {
            if (cred.isCredential()) {
                state.of(cred).forEach(c -> nest(consumers, c.foreignKey("consumer"), cred.deckKey(), c, "consumer",
                        null));
            }
        }
        put(doc, "services", new ArrayList<>(services.values()));
        put(doc, "routes", looseRoutes);
        put(doc, "upstreams", new ArrayList<>(upstreams.values()));
        put(doc, "certificates", new ArrayList<>(certs.values()));
        put(doc, "ca_certificates", state.of(EntityType.CA_CERTIFICATE).map(e -> (Object) e.fields()).toList());
        put(doc, "consumers", new ArrayList<>(consumers.values()));
        put(doc, "plugins", state.of(EntityType.PLUGIN).map(DeclarativeConfig::plugin).toList());
        return doc;
    }

    private static Object plugin(KongEntity p) {
        Map<String, Object> f = new LinkedHashMap<>(p.fields());
        for (String fk : List.of("service", "route", "consumer")) {
            if (p.foreignKey(fk) != null) f.put(fk, p.foreignKey(fk));
        }
        return f;
    }

    private static Map<String, Map<String, Object>> index(KongState state, EntityType type, String key) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        state.of(type).forEach(e -> {
            Map<String, Object> f = new LinkedHashMap<>(e.fields());
            String k = e.string(key) != null ? e.string(key) : e.name() != null ? e.name()
                    : e.string("username") != null ? e.string("username") : "#" + out.size();
            out.put(k, f);
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void nest(Map<String, Map<String, Object>> parents, String parentKey, String listKey,
                             KongEntity child, String fkField, List<Object> loose) {
        Map<String, Object> f = new LinkedHashMap<>(child.fields());
        Map<String, Object> parent = parentKey == null ? null : parents.get(parentKey);
        if (parent == null) {
            if (loose != null) loose.add(f);
            return;
        }
        f.remove(fkField);
        ((List<Object>) parent.computeIfAbsent(listKey, k -> new ArrayList<>())).add(f);
    }

    private static void put(Map<String, Object> doc, String key, List<Object> values) {
        if (!values.isEmpty()) doc.put(key, values);
    }
}
