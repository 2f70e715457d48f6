package io.konggitops.kong;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Kong Admin API as the diff and apply stages use it. The real implementation is {@code AdminClient}
 * (httpclient5); tests use a stateful Kong test double behind the same HTTP API. Every failure is a
 * {@link KongApiException}.
 */
public interface KongAdmin extends AutoCloseable {

    /** {@code GET /}: version, {@code configuration.database}, {@code configuration.router_flavor}. */
    KongRoot root();

    /**
     * Reads every entity of the given kinds that carries all {@code selectTags} ({@code size=1000}, following
     * {@code offset}); targets are read per upstream. Auto fields are kept as Kong returns them.
     */
    KongState read(Set<EntityType> types, List<String> selectTags);

    /** {@code GET /schemas/{name}}, empty when the endpoint is not available (the caller falls back to a table). */
    Optional<Map<String, Object>> entitySchema(EntityType type);

    /** {@code GET /schemas/plugins/{name}}, empty when not available. */
    Optional<Map<String, Object>> pluginSchema(String pluginName);

    /**
     * {@code PUT /{collection}/{id}} (or by name for upstreams without a known id): full replace. Certificates are
     * sent with their {@code snis} so Kong does not wipe them. Returns the entity as Kong stored it.
     */
    KongEntity put(KongEntity entity);

    /** {@code POST /upstreams/{upstream}/targets}. */
    KongEntity createTarget(String upstreamIdOrName, KongEntity target);

    /** {@code PUT /upstreams/{upstream}/targets/{idOrTarget}} (not an upsert: 404 when absent). */
    KongEntity updateTarget(String upstreamIdOrName, String targetIdOrTarget, KongEntity target);

    /**
     * {@code DELETE /{collection}/{idOrKey}}; for targets {@code DELETE /upstreams/{parent}/targets/{idOrKey}}
     * ({@code parentIdOrName} is ignored for other kinds). Succeeds when the entity is already gone (204).
     */
    void delete(EntityType type, String idOrKey, String parentIdOrName);

    /** DB-less: {@code POST /config?check_hash=1&flatten_errors=1} with a whole declarative config (JSON). */
    void postConfig(String declarativeConfigJson);

    @Override
    void close();
}
