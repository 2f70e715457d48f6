package io.konggitops.testing.kong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
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
    /**
     * Indexes, built on first use and kept up to date by every put/remove: entity → field (or fields joined by
     * {@code +}) → key text → ids of the rows having it, in insertion order. A foreign key is indexed by its id.
     * They make unique-key checks, endpoint-key look-ups and child listings independent of the table size.
     */
    private final Map<String, Map<String, Map<String, LinkedHashSet<String>>>> indexes = new HashMap<>();

    /** A saved copy of every row (for lying mode: answer a write, then put the old rows back). */
    record State(Map<String, LinkedHashMap<String, ObjectNode>> tables) {
    }

    synchronized void clear() {
        tables.clear();
        indexes.clear();
    }

    synchronized State save() {
        Map<String, LinkedHashMap<String, ObjectNode>> copy = new TreeMap<>();
        tables.forEach((entity, rows) -> {
            LinkedHashMap<String, ObjectNode> t = new LinkedHashMap<>();
            rows.forEach((id, r) -> t.put(id, r.deepCopy()));
            copy.put(entity, t);
        });
        return new State(copy);
    }

    synchronized void restore(State state) {
        tables.clear();
        indexes.clear();
        state.tables().forEach((entity, rows) -> tables.put(entity, new LinkedHashMap<>(rows)));
    }

    /** Every stored row per entity, uncopied, in insertion order (for a snapshot; callers must not change them). */
    synchronized Map<String, List<ObjectNode>> rowsByEntity() {
        Map<String, List<ObjectNode>> out = new LinkedHashMap<>();
        tables.forEach((entity, rows) -> {
            if (!rows.isEmpty()) out.put(entity, new ArrayList<>(rows.values()));
        });
        return out;
    }

    synchronized LinkedHashMap<String, ObjectNode> table(String entity) {
        return tables.computeIfAbsent(entity, k -> new LinkedHashMap<>());
    }

    synchronized ObjectNode row(String entity, String id) {
        return id == null ? null : table(entity).get(id);
    }

    synchronized void put(String entity, ObjectNode row) {
        String id = row.get("id").asText();
        ObjectNode old = table(entity).put(id, row);
        Map<String, Map<String, LinkedHashSet<String>>> byKey = indexes.get(entity);
        if (byKey == null) return;
        byKey.forEach((fields, index) -> {
            String k = key(row, fields);
            String was = old == null ? null : key(old, fields);
            if (k != null && k.equals(was)) return; // unchanged: keeps its place (child listings stay in table order)
            if (was != null) unindex(index, was, id);
            if (k != null) index.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(id);
        });
    }

    synchronized ObjectNode remove(String entity, String id) {
        ObjectNode old = table(entity).remove(id);
        Map<String, Map<String, LinkedHashSet<String>>> byKey = indexes.get(entity);
        if (old != null && byKey != null) byKey.forEach((fields, index) -> unindex(index, key(old, fields), id));
        return old;
    }

    private static void unindex(Map<String, LinkedHashSet<String>> index, String key, String id) {
        if (key == null) return;
        LinkedHashSet<String> ids = index.get(key);
        if (ids == null) return;
        ids.remove(id);
        if (ids.isEmpty()) index.remove(key);
    }

    /** The index key of a row for {@code fields} ({@code a+b} for composites); null when a single field is unset. */
    private static String key(ObjectNode row, String fields) {
        if (!fields.contains("+")) return text(row.get(fields));
        StringBuilder sb = new StringBuilder();
        for (String f : fields.split("\\+")) {
            String t = text(row.get(f));
            sb.append(t == null ? "\u0001" : t).append('\u0000');
        }
        return sb.toString();
    }

    private static String text(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) return null;
        if (v.isObject()) return v.hasNonNull("id") ? v.get("id").asText() : null;
        return v.asText();
    }

    private Map<String, LinkedHashSet<String>> index(String entity, String fields) {
        return indexes.computeIfAbsent(entity, e -> new HashMap<>()).computeIfAbsent(fields, f -> {
            Map<String, LinkedHashSet<String>> index = new HashMap<>();
            table(entity).forEach((id, r) -> {
                String k = key(r, f);
                if (k != null) index.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(id);
            });
            return index;
        });
    }

    private List<ObjectNode> lookup(String entity, String fields, String key) {
        List<ObjectNode> out = new ArrayList<>();
        if (key == null) return out;
        for (String id : index(entity, fields).getOrDefault(key, new LinkedHashSet<>())) out.add(table(entity).get(id));
        return out;
    }

    /** First row whose {@code field} equals {@code value} (text compare; a foreign key by its id), or null. */
    synchronized ObjectNode findBy(String entity, String field, String value) {
        List<ObjectNode> rows = lookup(entity, field, value);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Rows having the same values as {@code row} in every one of {@code fields} (a composite unique key). */
    synchronized List<ObjectNode> sameKey(String entity, List<String> fields, ObjectNode row) {
        String joined = String.join("+", fields);
        return lookup(entity, joined, key(row, joined));
    }

    /** Rows whose foreign key {@code field} points at {@code id}. */
    synchronized List<ObjectNode> referencing(String entity, String field, String id) {
        return lookup(entity, field, id);
    }

    /**
     * The stored rows of one kind, not copied (callers hold the double's lock and must not change them; render the
     * ones they answer with {@link #render}), in insertion order.
     */
    synchronized List<ObjectNode> rows(String entity) {
        return new ArrayList<>(table(entity).values());
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

    /**
     * The entities of one kind whose foreign key {@code field} points at {@code id} (e.g. the targets of an upstream),
     * rendered, in insertion order; found through the index, not by a scan.
     */
    public synchronized List<ObjectNode> allReferencing(String entity, String field, String id) {
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode r : lookup(entity, field, id)) out.add(render(entity, r));
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
