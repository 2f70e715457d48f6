package io.konggitops.apply;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongAdmin;
import io.konggitops.kong.KongApiException;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.KongRoot;
import io.konggitops.kong.KongState;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * An in-memory Kong Admin API behind {@link KongAdmin}, honest about what matters to diff and apply: PUT is a full
 * replace that fills Kong's defaults (from the shared kong-defaults.json) and timestamps; foreign keys must exist
 * (400); unique names, (upstream, target) and plugin keys answer 409; deleting a referenced service or certificate
 * answers 400, plugins/targets/credentials cascade; DELETE of a missing entity succeeds; a certificate PUT replaces
 * its SNI list (and wipes it when {@code snis} is missing); reads filter by tags (AND). Every call is recorded; chosen
 * calls can fail with a status and Retry-After; concurrent writes are counted.
 */
public class FakeKongAdmin implements KongAdmin {
    private final Map<EntityType, Map<String, Map<String, Object>>> store = new HashMap<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<FailRule> failures = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final List<String> posted = new CopyOnWriteArrayList<>();
    private final Map<EntityType, Map<String, Object>> schemas = new HashMap<>();
    private volatile CountDownLatch gate;
    private final AtomicInteger clock = new AtomicInteger(1_700_000_000);
    private final boolean dbless;

    private record FailRule(Predicate<String> call, int status, AtomicInteger remaining, Duration retryAfter) {
    }

    public FakeKongAdmin() {
        this(false);
    }

    public FakeKongAdmin(boolean dbless) {
        this.dbless = dbless;
        for (EntityType t : EntityType.values()) store.put(t, new LinkedHashMap<>());
    }

    // ---- test controls ----

    /** Calls look like {@code PUT services <id>}, {@code POST targets <upstream>}, {@code DELETE routes <id>}. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    public List<String> writes() {
        return calls.stream().filter(c -> !c.startsWith("GET")).toList();
    }

    /** The next {@code times} calls starting with {@code callPrefix} fail with {@code status} (times &lt; 0: always). */
    public FakeKongAdmin failOn(String callPrefix, int status, int times, Duration retryAfter) {
        failures.add(new FailRule(c -> c.startsWith(callPrefix), status, new AtomicInteger(times), retryAfter));
        return this;
    }

    public void clearFailures() {
        failures.clear();
    }

    /** The first {@code n} writes wait until {@code n} are in flight at once (bounded wait), to observe parallelism. */
    public void holdFirstWrites(int n) {
        gate = new CountDownLatch(n);
    }

    public int maxConcurrentWrites() {
        return maxInFlight.get();
    }

    public List<String> postedConfigs() {
        return List.copyOf(posted);
    }

    public void serveSchema(EntityType type, Map<String, Object> schemaJson) {
        schemas.put(type, schemaJson);
    }

    /** Puts an entity straight into the store (as if created out of band), defaults filled. */
    public synchronized KongEntity seed(KongEntity e) {
        Map<String, Object> f = withDefaults(e.type(), e.fields());
        if (f.get("id") == null) f.put("id", UUID.randomUUID().toString());
        store.get(e.type()).put((String) f.get("id"), f);
        return KongEntity.of(e.type(), f);
    }

    public synchronized int count(EntityType type) {
        return store.get(type).size();
    }

    // ---- KongAdmin ----

    @Override
    public KongRoot root() {
        calls.add("GET /");
        return new KongRoot("3.9.1", dbless ? "off" : "postgres", "traditional_compatible");
    }

    @Override
    public synchronized KongState read(Set<EntityType> types, List<String> selectTags) {
        calls.add("GET read " + types.size());
        List<KongEntity> out = new ArrayList<>();
        for (EntityType t : EntityType.values()) {
            if (!types.contains(t)) continue;
            for (Map<String, Object> f : store.get(t).values()) {
                List<?> tags = f.get("tags") instanceof List<?> l ? l : List.of();
                if (!tags.containsAll(selectTags)) continue;
                Map<String, Object> copy = new LinkedHashMap<>(f);
                if (t == EntityType.CERTIFICATE) copy.put("snis", sniNames((String) f.get("id")));
                out.add(new KongEntity(t, copy, null, null));
            }
        }
        return new KongState(out);
    }

    @Override
    public Optional<Map<String, Object>> entitySchema(EntityType type) {
        calls.add("GET schemas " + type.schemaName());
        return Optional.ofNullable(schemas.get(type));
    }

    @Override
    public Optional<Map<String, Object>> pluginSchema(String pluginName) {
        calls.add("GET schemas/plugins " + pluginName);
        return Optional.empty();
    }

    @Override
    public KongEntity put(KongEntity entity) {
        return write("PUT " + entity.type().schemaName() + " " + entity.id(), entity, () -> doPut(entity));
    }

    @Override
    public KongEntity createTarget(String upstream, KongEntity target) {
        return write("POST targets " + upstream, target, () -> doCreateTarget(upstream, target));
    }

    @Override
    public KongEntity updateTarget(String upstream, String idOrTarget, KongEntity target) {
        return write("PUT targets " + upstream + " " + idOrTarget, target,
                () -> doUpdateTarget(upstream, idOrTarget, target));
    }

    @Override
    public void delete(EntityType type, String idOrKey, String parent) {
        write("DELETE " + type.schemaName() + " " + idOrKey, null, () -> {
            doDelete(type, idOrKey);
            return null;
        });
    }

    @Override
    public void postConfig(String declarativeConfigJson) {
        write("POST /config", null, () -> {
            if (!dbless) throw error(400, null, "this endpoint is only available when Kong is configured to not use a database", null);
            posted.add(declarativeConfigJson);
            return null;
        });
    }

    @Override
    public void close() {
    }

    // ---- behaviour ----

    private interface Op<T> {
        T run();
    }

    private <T> T write(String call, KongEntity entity, Op<T> op) {
        calls.add(call);
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            CountDownLatch g = gate;
            if (g != null && g.getCount() > 0) {
                g.countDown();
                try {
                    g.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            for (FailRule r : failures) {
                if (r.call().test(call) && (r.remaining().get() < 0 || r.remaining().getAndDecrement() > 0)) {
                    throw new KongApiException("injected " + r.status(), r.status(), null, null, "injected failure",
                            null, entity, r.retryAfter(), null);
                }
            }
            if (dbless && !call.equals("POST /config")) {
                throw error(405, "operation unsupported", "cannot create or update entities when not using a database", entity);
            }
            synchronized (this) {
                return op.run();
            }
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private KongEntity doPut(KongEntity e) {
        EntityType t = e.type();
        String id = e.id();
        if (id == null) throw error(400, "schema violation", "id required by this fake", e);
        checkForeignKeys(e);
        checkUnique(e, id);
        Map<String, Object> old = store.get(t).get(id);
        Map<String, Object> f = withDefaults(t, e.fields());
        f.put("id", id);
        f.put("created_at", old == null ? clock.incrementAndGet() : old.get("created_at"));
        f.put("updated_at", clock.incrementAndGet());
        Object snis = f.remove("snis");
        store.get(t).put(id, f);
        if (t == EntityType.CERTIFICATE) replaceSnis(id, snis instanceof List<?> l ? l : List.of());
        return KongEntity.of(t, f);
    }

    private void replaceSnis(String certId, List<?> names) {
        Map<String, Map<String, Object>> snis = store.get(EntityType.SNI);
        snis.values().removeIf(s -> certId.equals(ref(s, "certificate")) && !names.contains(s.get("name")));
        for (Object n : names) {
            boolean exists = snis.values().stream().anyMatch(s -> n.equals(s.get("name")));
            if (!exists) {
                String id = UUID.randomUUID().toString();
                Map<String, Object> s = withDefaults(EntityType.SNI, Map.of("name", n, "certificate",
                        Map.of("id", certId)));
                s.put("id", id);
                snis.put(id, s);
            }
        }
    }

    private KongEntity doCreateTarget(String upstream, KongEntity target) {
        Map<String, Object> u = findUpstream(upstream);
        String normalized = normalizeTarget(target.string("target"));
        for (Map<String, Object> t : store.get(EntityType.TARGET).values()) {
            if (u.get("id").equals(ref(t, "upstream")) && normalized.equals(t.get("target"))) {
                throw error(409, "unique constraint violation", "UNIQUE violation detected on target", target);
            }
        }
        Map<String, Object> f = withDefaults(EntityType.TARGET, target.fields());
        String id = target.id() != null ? target.id() : UUID.randomUUID().toString();
        f.put("id", id);
        f.put("target", normalized);
        f.put("upstream", Map.of("id", u.get("id")));
        f.put("created_at", clock.incrementAndGet() + 0.123);
        f.put("updated_at", clock.incrementAndGet() + 0.123);
        store.get(EntityType.TARGET).put(id, f);
        return KongEntity.of(EntityType.TARGET, f);
    }

    private KongEntity doUpdateTarget(String upstream, String idOrTarget, KongEntity target) {
        Map<String, Object> u = findUpstream(upstream);
        Map<String, Object> old = store.get(EntityType.TARGET).values().stream()
                .filter(t -> u.get("id").equals(ref(t, "upstream")) && (idOrTarget.equals(t.get("id"))
                        || normalizeTarget(idOrTarget).equals(t.get("target"))))
                .findFirst().orElseThrow(() -> error(404, null, "Not found", target));
        Map<String, Object> f = withDefaults(EntityType.TARGET, target.fields());
        f.put("id", old.get("id"));
        f.put("target", normalizeTarget(target.string("target")));
        f.put("upstream", Map.of("id", u.get("id")));
        f.put("created_at", old.get("created_at"));
        f.put("updated_at", clock.incrementAndGet() + 0.5);
        store.get(EntityType.TARGET).put((String) old.get("id"), f);
        return KongEntity.of(EntityType.TARGET, f);
    }

    private void doDelete(EntityType type, String id) {
        if (!store.get(type).containsKey(id)) return; // Kong answers 204
        if (type == EntityType.SERVICE && referenced(EntityType.ROUTE, "service", id)) {
            throw error(400, "foreign key violation", "an existing 'routes' entity references this 'services' entity",
                    null);
        }
        if (type == EntityType.CERTIFICATE && referenced(EntityType.SNI, "certificate", id)) {
            throw error(400, "foreign key violation", "an existing 'snis' entity references this 'certificates' entity",
                    null);
        }
        store.get(type).remove(id);
        switch (type) {
            case SERVICE, ROUTE, CONSUMER -> store.get(EntityType.PLUGIN).values()
                    .removeIf(p -> id.equals(ref(p, type == EntityType.SERVICE ? "service"
                            : type == EntityType.ROUTE ? "route" : "consumer")));
            case UPSTREAM -> store.get(EntityType.TARGET).values().removeIf(t -> id.equals(ref(t, "upstream")));
            default -> { }
        }
        if (type == EntityType.CONSUMER) {
            for (EntityType t : EntityType.values()) {
                if (t.isCredential()) store.get(t).values().removeIf(c -> id.equals(ref(c, "consumer")));
            }
        }
    }

    private boolean referenced(EntityType childType, String field, String id) {
        return store.get(childType).values().stream().anyMatch(c -> id.equals(ref(c, field)));
    }

    private void checkForeignKeys(KongEntity e) {
        Map<String, EntityType> fks = Map.of("service", EntityType.SERVICE, "route", EntityType.ROUTE, "consumer",
                EntityType.CONSUMER, "certificate", EntityType.CERTIFICATE, "client_certificate",
                EntityType.CERTIFICATE);
        for (Map.Entry<String, EntityType> fk : fks.entrySet()) {
            String id = e.foreignKey(fk.getKey());
            if (id != null && !store.get(fk.getValue()).containsKey(id)) {
                throw error(400, "foreign key violation", "the foreign key '{id=\"" + id
                        + "\"}' does not reference an existing '" + fk.getValue().schemaName() + "' entity.", e);
            }
        }
    }

    private void checkUnique(KongEntity e, String id) {
        for (Map<String, Object> other : store.get(e.type()).values()) {
            if (id.equals(other.get("id"))) continue;
            boolean clash = switch (e.type()) {
                case SERVICE, ROUTE, UPSTREAM, SNI -> e.name() != null && e.name().equals(other.get("name"));
                case CONSUMER -> e.get("username") != null && e.get("username").equals(other.get("username"))
                        || e.get("custom_id") != null && e.get("custom_id").equals(other.get("custom_id"));
                case PLUGIN -> Objects.equals(e.name(), other.get("name"))
                        && Objects.equals(e.foreignKey("service"), ref(other, "service"))
                        && Objects.equals(e.foreignKey("route"), ref(other, "route"))
                        && Objects.equals(e.foreignKey("consumer"), ref(other, "consumer"));
                case KEY_AUTH -> Objects.equals(e.get("key"), other.get("key"));
                default -> false;
            };
            if (clash) throw error(409, "unique constraint violation", "UNIQUE violation detected", e);
        }
    }

    private Map<String, Object> findUpstream(String idOrName) {
        return store.get(EntityType.UPSTREAM).values().stream()
                .filter(u -> idOrName.equals(u.get("id")) || idOrName.equals(u.get("name")))
                .findFirst().orElseThrow(() -> error(404, null, "Not found", null));
    }

    private List<String> sniNames(String certId) {
        List<String> names = new ArrayList<>();
        for (Map<String, Object> s : store.get(EntityType.SNI).values()) {
            if (certId.equals(ref(s, "certificate"))) names.add((String) s.get("name"));
        }
        Collections.sort(names);
        return names;
    }

    private static String ref(Map<String, Object> f, String field) {
        return f.get(field) instanceof Map<?, ?> m && m.get("id") != null ? m.get("id").toString() : null;
    }

    private static Map<String, Object> withDefaults(EntityType type, Map<String, Object> given) {
        Map<String, Object> f = new TreeMap<>();
        KongDefaults.of(type).forEach(f::put);
        f.remove("snis");
        given.forEach((k, v) -> {
            if (v != null || !f.containsKey(k)) f.put(k, v);
        });
        if (type == EntityType.ROUTE && given.get("strip_path") == null && f.get("protocols") instanceof List<?> p
                && (p.contains("grpc") || p.contains("grpcs"))) {
            f.put("strip_path", false);
        }
        if (type == EntityType.UPSTREAM && given.get("hash_on") != null && !"none".equals(given.get("hash_on"))) {
            f.put("algorithm", "consistent-hashing");
        }
        if (type == EntityType.TARGET && f.get("target") instanceof String t) f.put("target", normalizeTarget(t));
        return f;
    }

    static String normalizeTarget(String t) {
        if (t.startsWith("[")) return t.contains("]:") ? t : t + ":8000";
        long colons = t.chars().filter(c -> c == ':').count();
        if (colons > 1) return "[" + t + "]:8000";
        return colons == 1 ? t : t + ":8000";
    }

    private static KongApiException error(int status, String name, String message, KongEntity entity) {
        return new KongApiException("HTTP " + status + ": " + message, status, null, name, message, null, entity,
                null);
    }
}
