package io.konggitops.translate;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Brings a decK document into a comparable form: Kong's defaults ({@code kong-defaults.json}) filled for services,
 * routes, upstreams, targets, certificates and SNIs; nulls and empty lists dropped; set-like arrays sorted; the
 * select tag removed (when given).
 */
final class GoldenNormaliser {
    private static final Set<String> SET_LIKE = Set.of("tags", "protocols", "methods", "hosts", "snis", "paths",
            "ca_certificates");
    private static final Map<String, String> NESTED = Map.of("routes", "routes", "targets", "targets",
            "snis", "snis");

    private GoldenNormaliser() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> loadDefaults(Path file) throws IOException {
        return new ObjectMapper().readValue(file.toFile(), Map.class);
    }

    static Object normalise(Object doc, Map<String, Object> defaults, String selectTag) {
        Object out = walk(hoistNestedPlugins(doc), null, defaults, selectTag);
        if (out instanceof Map<?, ?> m && m.get("plugins") instanceof List<?> plugins) {
            List<Object> sorted = new ArrayList<>(plugins);
            sorted.sort(java.util.Comparator.comparing(Object::toString));
            @SuppressWarnings("unchecked")
            Map<String, Object> doc2 = (Map<String, Object>) m;
            doc2.put("plugins", sorted);
        }
        return out;
    }

    /**
     * A plugin nested under its service or route ({@code services[].plugins[]}, KIC's form) and the same plugin at
     * the top level naming its parent ({@code service: <name>}, our decK form) are one thing: nested plugins are
     * moved to the top level with their parent's name, and the top-level plugins sorted.
     */
    @SuppressWarnings("unchecked")
    private static Object hoistNestedPlugins(Object doc) {
        if (!(doc instanceof Map<?, ?> m)) return doc;
        Map<String, Object> out = new java.util.LinkedHashMap<>((Map<String, Object>) m);
        List<Object> top = out.get("plugins") instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
        if (out.get("services") instanceof List<?> services) {
            List<Object> copies = new ArrayList<>();
            for (Object svc : services) {
                Map<String, Object> s = new java.util.LinkedHashMap<>((Map<String, Object>) svc);
                hoist(s, "service", top);
                if (s.get("routes") instanceof List<?> routes) {
                    List<Object> rcopies = new ArrayList<>();
                    for (Object route : routes) {
                        Map<String, Object> r = new java.util.LinkedHashMap<>((Map<String, Object>) route);
                        hoist(r, "route", top);
                        rcopies.add(r);
                    }
                    s.put("routes", rcopies);
                }
                copies.add(s);
            }
            out.put("services", copies);
        }
        if (!top.isEmpty()) out.put("plugins", top);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void hoist(Map<String, Object> parent, String parentField, List<Object> top) {
        if (!(parent.remove("plugins") instanceof List<?> nested)) return;
        for (Object p : nested) {
            Map<String, Object> plugin = new java.util.LinkedHashMap<>((Map<String, Object>) p);
            plugin.put(parentField, parent.get("name"));
            top.add(plugin);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object walk(Object node, String collection, Map<String, Object> defaults, String selectTag) {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            if (collection != null && defaults.get(collection) instanceof Map<?, ?> d) {
                for (Map.Entry<?, ?> e : d.entrySet()) {
                    String k = e.getKey().toString();
                    if (k.startsWith("_") || e.getValue() == null || e.getValue() instanceof String s
                            && s.startsWith("<required")) {
                        continue;
                    }
                    if (collection.equals("certificates") && k.equals("snis")) continue;
                    out.put(k, e.getValue());
                }
            }
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String k = e.getKey().toString();
                String childCollection = e.getValue() instanceof List<?> && (collection == null
                        || NESTED.containsKey(k) && !(collection.equals("routes"))) ? k : null;
                Object v = walk(e.getValue(), childCollection, defaults, selectTag);
                if (k.equals("tags") && v instanceof List<?> l && selectTag != null) {
                    List<Object> copy = new ArrayList<>(l);
                    copy.remove(selectTag);
                    v = copy;
                }
                out.put(k, v);
            }
            out.values().removeIf(v -> v == null || v instanceof Collection<?> c && c.isEmpty());
            for (String k : SET_LIKE) {
                if (out.get(k) instanceof List<?> l && l.stream().allMatch(x -> x instanceof String)) {
                    List<String> sorted = new ArrayList<>((List<String>) l);
                    sorted.sort(null);
                    out.put(k, sorted);
                }
            }
            return out;
        }
        if (node instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) out.add(walk(o, collection, defaults, selectTag));
            return out;
        }
        return node;
    }
}
