package io.konggitops.kongdouble;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The double's database: rows per entity name ({@code services}, {@code keyauth_credentials}, ...), keyed by id, in
 * insertion order. Rows are stored as Kong returns them, except certificates, whose {@code snis} are rendered from
 * the {@code snis} rows. Reads hand out deep copies. Thread safety: every access is synchronised on this store.
 */
public final class EntityStore {
    private final Map<String, LinkedHashMap<String, ObjectNode>> tables = new TreeMap<>();

    synchronized void clear() {
        tables.clear();
    }

    synchronized LinkedHashMap<String, ObjectNode> table(String entity) {
        return tables.computeIfAbsent(entity, k -> new LinkedHashMap<>());
    }

    synchronized ObjectNode row(String entity, String id) {
        return id == null ? null : table(entity).get(id);
    }

    synchronized void put(String entity, ObjectNode row) {
        table(entity).put(row.get("id").asText(), row);
    }

    synchronized ObjectNode remove(String entity, String id) {
        return table(entity).remove(id);
    }

    /** First row whose {@code field} equals {@code value} (text compare), or null. */
    synchronized ObjectNode findBy(String entity, String field, String value) {
        for (ObjectNode r : table(entity).values()) {
            JsonNode v = r.get(field);
            if (v != null && !v.isNull() && v.asText().equals(value)) return r;
        }
        return null;
    }

    /** Rows whose foreign key {@code field} points at {@code id}. */
    synchronized List<ObjectNode> referencing(String entity, String field, String id) {
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode r : table(entity).values()) {
            JsonNode v = r.get(field);
            if (v != null && v.isObject() && id.equals(v.path("id").asText())) out.add(r);
        }
        return out;
    }

    /** Names of the SNIs attached to a certificate, sorted. */
    synchronized List<String> sniNames(String certificateId) {
        List<String> names = new ArrayList<>();
        for (ObjectNode s : referencing("snis", "certificate", certificateId)) names.add(s.get("name").asText());
        names.sort(Comparator.naturalOrder());
        return names;
    }

    /** The row as the Admin API answers it (certificates get their sorted {@code snis}). */
    synchronized ObjectNode render(String entity, ObjectNode row) {
        ObjectNode copy = row.deepCopy();
        if (entity.equals("certificates")) {
            var a = copy.putArray("snis");
            sniNames(row.get("id").asText()).forEach(a::add);
        }
        return copy;
    }

    /** Every entity of one kind, as the Admin API would answer it, in insertion order. */
    public synchronized List<ObjectNode> all(String entity) {
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode r : table(entity).values()) out.add(render(entity, r));
        return out;
    }

    /** One entity by id, rendered, or null. */
    public synchronized ObjectNode get(String entity, String id) {
        ObjectNode r = row(entity, id);
        return r == null ? null : render(entity, r);
    }

    /** One entity by a field value (e.g. {@code ("services", "name", "svc1")}), rendered, or null. */
    public synchronized ObjectNode find(String entity, String field, String value) {
        ObjectNode r = findBy(entity, field, value);
        return r == null ? null : render(entity, r);
    }

    public synchronized int count(String entity) {
        return table(entity).size();
    }

    /** Total number of rows over all kinds. */
    public synchronized int size() {
        int n = 0;
        for (Map<String, ObjectNode> t : tables.values()) n += t.size();
        return n;
    }

    synchronized Map<String, List<ObjectNode>> snapshot() {
        Map<String, List<ObjectNode>> out = new LinkedHashMap<>();
        for (var e : tables.entrySet()) {
            List<ObjectNode> rows = new ArrayList<>();
            for (ObjectNode r : e.getValue().values()) rows.add(render(e.getKey(), r));
            if (!rows.isEmpty()) out.put(e.getKey(), rows);
        }
        return out;
    }
}
