package io.konggitops.apply;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongAdmin;
import io.konggitops.kong.KongApiException;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.KongRoot;
import io.konggitops.kong.KongState;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A Kong that lies: wraps a real {@link KongAdmin} and acknowledges the writes {@code ignore} selects without
 * performing them, answering as if they had succeeded. Calls are named {@code PUT routes}, {@code POST targets},
 * {@code PUT targets}, {@code DELETE services}, {@code POST /config}. Reads always reach the real Kong.
 */
final class AcknowledgingKongAdmin implements KongAdmin {
    private final KongAdmin real;
    private final Predicate<String> ignore;
    final List<String> ignored = new CopyOnWriteArrayList<>();
    final List<Set<EntityType>> reads = new CopyOnWriteArrayList<>();
    /** When above 0, every read answers this HTTP status (a Kong that cannot be re-read after the writes). */
    volatile int failReadsWith;

    AcknowledgingKongAdmin(KongAdmin real, Predicate<String> ignore) {
        this.real = real;
        this.ignore = ignore;
    }

    private boolean ignored(String call) {
        if (!ignore.test(call)) return false;
        ignored.add(call);
        return true;
    }

    @Override
    public KongRoot root() {
        return real.root();
    }

    @Override
    public KongState read(Set<EntityType> types, List<String> selectTags) {
        reads.add(Set.copyOf(types));
        if (failReadsWith > 0) {
            throw new KongApiException("GET /" + types.iterator().next().endpoint() + " failed", failReadsWith, null,
                    null, "An unexpected error occurred", null, null, null);
        }
        return real.read(types, selectTags);
    }

    @Override
    public Optional<Map<String, Object>> entitySchema(EntityType type) {
        return real.entitySchema(type);
    }

    @Override
    public Optional<Map<String, Object>> pluginSchema(String pluginName) {
        return real.pluginSchema(pluginName);
    }

    @Override
    public KongEntity put(KongEntity entity) {
        return ignored("PUT " + entity.type().endpoint()) ? entity : real.put(entity);
    }

    @Override
    public KongEntity createTarget(String upstreamIdOrName, KongEntity target) {
        return ignored("POST targets") ? target : real.createTarget(upstreamIdOrName, target);
    }

    @Override
    public KongEntity updateTarget(String upstreamIdOrName, String targetIdOrTarget, KongEntity target) {
        return ignored("PUT targets") ? target : real.updateTarget(upstreamIdOrName, targetIdOrTarget, target);
    }

    @Override
    public void delete(EntityType type, String idOrKey, String parentIdOrName) {
        if (!ignored("DELETE " + type.endpoint())) real.delete(type, idOrKey, parentIdOrName);
    }

    @Override
    public void postConfig(String declarativeConfigJson) {
        if (!ignored("POST /config")) real.postConfig(declarativeConfigJson);
    }

    @Override
    public void close() {
        real.close();
    }
}
