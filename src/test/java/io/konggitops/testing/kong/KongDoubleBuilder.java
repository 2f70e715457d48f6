package io.konggitops.testing.kong;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/** Builder for {@link KongDouble}. */
public final class KongDoubleBuilder {
    private String version = "3.9.1";
    private String database = "postgres";
    private String routerFlavor = "traditional_compatible";
    private BiFunction<String, String, Duration> latency = (method, path) -> Duration.ZERO;
    private String tokenHeader = "Kong-Admin-Token";
    private String token;
    private boolean schemaEndpoints = true;
    private final Map<String, JsonNode> extraPlugins = new LinkedHashMap<>();

    /**
     * Adds (or replaces) a plugin the double accepts, with its config defaults as an example JSON object, e.g.
     * {@code plugin("my-plugin", "{\"header\":\"X-Id\",\"limit\":10,\"extra\":null}")}. Types are inferred
     * from the values; {@code null} makes an untyped field without default. The schema endpoint shows them.
     */
    public KongDoubleBuilder plugin(String name, String configDefaultsJson) {
        extraPlugins.put(name, KongDouble.parseJson(configDefaultsJson));
        return this;
    }

    /** {@code GET /} version; also selects the route schema variant for {@code expressions} before 3.7. */
    public KongDoubleBuilder version(String v) {
        this.version = v;
        return this;
    }

    /** {@code postgres} (default) or {@code off} (DB-less). */
    public KongDoubleBuilder database(String d) {
        this.database = d;
        return this;
    }

    public KongDoubleBuilder dbless() {
        return database("off");
    }

    /** {@code traditional}, {@code traditional_compatible} (default) or {@code expressions}. */
    public KongDoubleBuilder routerFlavor(String f) {
        this.routerFlavor = f;
        return this;
    }

    /** Delay added to every request (outside the store lock, so concurrent requests overlap). */
    public KongDoubleBuilder latency(Duration d) {
        this.latency = (method, path) -> d;
        return this;
    }

    /**
     * Delay per request, asked of {@code perRequest} with the method and raw path of every request before it is
     * answered (outside the store lock); {@code null} or zero means none.
     */
    public KongDoubleBuilder latency(BiFunction<String, String, Duration> perRequest) {
        this.latency = perRequest;
        return this;
    }

    /** Requires {@code Kong-Admin-Token: token} on every request (401 otherwise). */
    public KongDoubleBuilder adminToken(String token) {
        return adminToken("Kong-Admin-Token", token);
    }

    public KongDoubleBuilder adminToken(String header, String token) {
        this.tokenHeader = header;
        this.token = token;
        return this;
    }

    /** {@code false}: {@code /schemas/...} answers 404, like a node or proxy that hides them. */
    public KongDoubleBuilder schemaEndpoints(boolean enabled) {
        this.schemaEndpoints = enabled;
        return this;
    }

    public KongDouble build() {
        return new KongDouble(new KongDouble.Options(version, database, routerFlavor, latency, tokenHeader, token, schemaEndpoints,
                Map.copyOf(extraPlugins)));
    }
}
