package io.konggitops.kong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.classic.methods.HttpDelete;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Kong Admin API on Apache httpclient5 (classic, pooled connections; thread-safe, so the apply stage may write in
 * parallel). Reads page with {@code size=1000} and the select tags (AND); writes are full-replace {@code PUT}s by id;
 * targets live under their upstream; DB-less Kong is written with {@code POST /config}. No retries here: a failed call
 * throws {@link KongApiException} (status 0 for I/O errors) and the apply stage decides.
 *
 * <p>Certificates are always {@code PUT} with the SNI names Kong currently has for them (read just before), because a
 * certificate {@code PUT} without {@code snis} deletes every SNI of that certificate; SNIs themselves are written as
 * their own entities ({@code PUT /snis/{id}}), so a certificate write never creates, renames or deletes an SNI.
 */
public final class AdminClient implements KongAdmin {
    static final int PAGE_SIZE = 1000;
    /** Kong refuses more than 5 tags in one filter. */
    static final int MAX_TAGS = 5;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final AdminClientOptions options;
    private final KongPaths paths;
    private final CloseableHttpClient http;
    private final Map<String, Optional<Map<String, Object>>> schemaCache = new ConcurrentHashMap<>();

    public AdminClient(AdminClientOptions options) {
        this.options = options;
        this.paths = new KongPaths(options.baseUrl(), options.workspace());
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnPerRoute(options.poolSizePerRoute())
                .setMaxConnTotal(options.poolSizePerRoute() * 2)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(options.connectTimeout()))
                        .setSocketTimeout(Timeout.of(options.responseTimeout()))
                        .build());
        if (options.https()) {
            pool.setTlsSocketStrategy(KongTls.strategy(options));
        }
        List<Header> headers = new ArrayList<>();
        headers.add(new BasicHeader(HttpHeaders.ACCEPT, "application/json"));
        options.headers().forEach((k, v) -> headers.add(new BasicHeader(k, v)));
        if (options.adminToken() != null) {
            headers.add(new BasicHeader(options.tokenHeader(), options.adminToken()));
        }
        this.http = HttpClients.custom()
                .setConnectionManager(pool.build())
                .setDefaultHeaders(headers)
                .setUserAgent("kong-gitops")
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(options.responseTimeout()))
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .build();
    }

    public AdminClientOptions options() {
        return options;
    }

    @Override
    public KongRoot root() {
        Map<String, Object> root = getJson(paths.root(), null);
        Object version = root.get("version");
        if (!(version instanceof String v) || !v.matches("^\\d+\\.\\d+.*")) {
            throw new KongApiException("GET / of " + options.baseUrl() + " answered without a Kong version (version = "
                    + version + "); is this the Kong Admin API (not the proxy port)?",
                    200, null, null, null, null, null, null);
        }
        Map<?, ?> conf = root.get("configuration") instanceof Map<?, ?> m ? m : Map.of();
        Set<String> plugins = null;
        if (root.get("plugins") instanceof Map<?, ?> p && p.get("available_on_server") instanceof Map<?, ?> available) {
            plugins = new java.util.TreeSet<>();
            for (Object name : available.keySet()) plugins.add(String.valueOf(name));
        }
        return new KongRoot(v, str(conf.get("database")), str(conf.get("router_flavor")), plugins);
    }

    /**
     * Reads in parallel ({@link AdminClientOptions#readParallelism()} requests at once, see {@link KongReader}); the
     * state is the same, in the same order, as one request after the other would read.
     */
    @Override
    public KongState read(Set<EntityType> types, List<String> selectTags) {
        String tags = tagFilter(selectTags);
        try (KongReader reader = new KongReader(this, paths, options.readParallelism())) {
            return reader.read(types, tags);
        }
    }

    static String tagFilter(List<String> selectTags) {
        if (selectTags == null || selectTags.isEmpty()) return null;
        if (selectTags.size() > MAX_TAGS) {
            throw new IllegalArgumentException("Kong filters on at most " + MAX_TAGS + " tags, got " + selectTags.size()
                    + ": " + selectTags);
        }
        for (String t : selectTags) {
            if (t == null || t.isEmpty() || t.contains(",") || t.contains("/")) {
                throw new IllegalArgumentException("select tag '" + t + "' cannot be used as a Kong tag filter:"
                        + " tags must be non-empty and contain neither ',' nor '/' (Kong reads them as AND / OR)");
            }
        }
        return String.join(",", selectTags);
    }

    @Override
    public Optional<Map<String, Object>> entitySchema(EntityType type) {
        return schema(paths.path("schemas", type.schemaName()));
    }

    @Override
    public Optional<Map<String, Object>> pluginSchema(String pluginName) {
        return schema(paths.path("schemas", "plugins", pluginName));
    }

    private Optional<Map<String, Object>> schema(URI uri) {
        return schemaCache.computeIfAbsent(uri.toString(), k -> {
            try {
                return Optional.of(getJson(uri, null));
            } catch (KongApiException notAvailable) {
                return Optional.empty();
            }
        });
    }

    @Override
    public KongEntity put(KongEntity entity) {
        EntityType type = entity.type();
        if (type.nestedUnder().isPresent()) {
            throw new IllegalArgumentException(type.endpoint()
                    + " are written with createTarget/updateTarget, not put: " + entity.label());
        }
        Map<String, Object> body = writeBody(entity);
        type.spec().childNames().ifPresent(cn -> body.put(cn.field(), currentChildNames(entity, cn.field())));
        URI uri = paths.path(type.endpoint(), pathKey(entity));
        return send(new HttpPut(uri), body, entity);
    }

    /** What identifies the entity in its path: the id; for upstreams without an id the name, etc. */
    static String pathKey(KongEntity e) {
        if (e.id() != null) return e.id();
        String key = e.type().spec().endpointKey().map(e::string).orElse(null);
        if (key == null) {
            throw new IllegalArgumentException(e.label() + " has no id (and no name to write it by); cannot PUT it");
        }
        return key;
    }

    /** The child names (a certificate's SNI names) Kong has now for the entity; none when it does not exist yet. */
    private List<String> currentChildNames(KongEntity certificate, String field) {
        if (certificate.id() == null) return List.of();
        try {
            Map<String, Object> current = getJson(paths.path(certificate.type().endpoint(), certificate.id()),
                    certificate);
            if (current.get(field) instanceof List<?> snis) {
                List<String> names = new ArrayList<>();
                for (Object s : snis) names.add(s instanceof Map<?, ?> m ? str(m.get("name")) : str(s));
                return names;
            }
            return List.of();
        } catch (KongApiException e) {
            if (e.status() == 404) return List.of();
            throw e;
        }
    }

    @Override
    public KongEntity createTarget(String upstreamIdOrName, KongEntity target) {
        return send(new HttpPost(paths.targets(upstreamIdOrName)), targetBody(target, true), target);
    }

    @Override
    public KongEntity updateTarget(String upstreamIdOrName, String targetIdOrTarget, KongEntity target) {
        return send(new HttpPut(paths.path("upstreams", upstreamIdOrName, "targets", targetIdOrTarget)),
                targetBody(target, false), target);
    }

    private static Map<String, Object> targetBody(KongEntity target, boolean keepId) {
        Map<String, Object> body = writeBody(target);
        body.remove("upstream"); // set by Kong from the URL; ours may be {"name": ...}, not a valid foreign key
        if (!keepId) body.remove("id");
        return body;
    }

    /** The entity as a write body: auto and computed fields Kong fills itself are left out. */
    static Map<String, Object> writeBody(KongEntity entity) {
        Map<String, Object> body = new TreeMap<>(entity.fields());
        entity.type().spec().computedFields().forEach(body::remove);
        return body;
    }

    @Override
    public void delete(EntityType type, String idOrKey, String parentIdOrName) {
        URI uri = type.spec().parentKind()
                .map(parent -> paths.path(parent.endpoint(), parentIdOrName, type.endpoint(), idOrKey))
                .orElseGet(() -> paths.path(type.endpoint(), idOrKey));
        try {
            execute(new HttpDelete(uri), null);
        } catch (KongApiException e) {
            if (e.status() != 404) throw e; // already gone (or its parent is): the goal is reached
        }
    }

    @Override
    public void postConfig(String declarativeConfigJson) {
        loadConfig(declarativeConfigJson);
    }

    /** Outcome of {@link #loadConfig(String)}. */
    public enum ConfigResult { LOADED, UNCHANGED }

    /**
     * {@code POST /config?check_hash=1&flatten_errors=1}. The document is sent as the {@code config} string of a JSON
     * body, the form for which Kong computes the hash and answers 304 when nothing changed.
     */
    public ConfigResult loadConfig(String declarativeConfigJson) {
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("config", declarativeConfigJson));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        HttpPost post = new HttpPost(paths.config());
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        String request = "POST " + paths.display(paths.config());
        Response r = call(post, request, null);
        if (r.status() == 304) return ConfigResult.UNCHANGED;
        if (r.status() / 100 != 2) throw KongErrors.config(request, r.status(), r.body(), r.retryAfter());
        return ConfigResult.LOADED;
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
    }

    // --- HTTP plumbing ---

    /**
     * {@code GET} of one listing page of {@code type} entities, parsed from the response stream as it arrives. The
     * request is registered with {@code reader} while it is in flight, so that a failure of another listing can abort
     * it. Errors are those of every other call.
     */
    ListingPage page(URI uri, EntityType type, KongReader reader) {
        HttpGet get = new HttpGet(uri);
        String label = "GET " + paths.display(uri);
        reader.started(get);
        PageAnswer answer;
        try {
            answer = http.execute(get, response -> {
                int status = response.getCode();
                if (status / 100 != 2) {
                    Header ra = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
                    String body = response.getEntity() == null ? ""
                            : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
                    return new PageAnswer(new Response(status, body, ra == null ? null : ra.getValue()), null, null);
                }
                try (java.io.InputStream body = response.getEntity() == null ? java.io.InputStream.nullInputStream()
                        : response.getEntity().getContent()) {
                    return new PageAnswer(new Response(status, "", null), ListingPage.read(body, type), null);
                } catch (JsonProcessingException notJson) {
                    return new PageAnswer(new Response(status, "", null), null, notJson);
                }
            });
        } catch (IOException e) {
            throw KongErrors.io(label, options.baseUrl().toString(), e, null, options.caCert() != null);
        } finally {
            reader.ended(get);
        }
        Response r = answer.response();
        if (r.status() / 100 != 2) {
            throw KongErrors.http(label, r.status(), r.body(), r.retryAfter(), null, options.tokenHeader());
        }
        if (answer.page() == null) throw notJson(r, label, answer.notJson());
        return answer.page();
    }

    /** A listing page, or the error answer, or why a 2xx body could not be read. */
    private record PageAnswer(Response response, ListingPage page, IOException notJson) {
    }

    Map<String, Object> getJson(URI uri, KongEntity entity) {
        Response r = execute(new HttpGet(uri), entity);
        return parseObject(r, "GET " + paths.display(uri));
    }

    private KongEntity send(HttpUriRequestBase request, Map<String, Object> body, KongEntity entity) {
        try {
            request.setEntity(new StringEntity(JSON.writeValueAsString(body), ContentType.APPLICATION_JSON));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + entity.label(), e);
        }
        Response r = execute(request, entity);
        Map<String, Object> stored = parseObject(r, request.getMethod() + " " + paths.display(uri(request)));
        return new KongEntity(entity.type(), stored, entity.source(), entity.origin());
    }

    private Response execute(HttpUriRequestBase request, KongEntity entity) {
        String label = request.getMethod() + " " + paths.display(uri(request));
        Response r = call(request, label, entity);
        if (r.status() / 100 != 2) {
            throw KongErrors.http(label, r.status(), r.body(), r.retryAfter(), entity, options.tokenHeader());
        }
        return r;
    }

    private Response call(HttpUriRequestBase request, String label, KongEntity entity) {
        try {
            return http.execute(request, response -> {
                Header ra = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
                String body = response.getEntity() == null ? ""
                        : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
                return new Response(response.getCode(), body, ra == null ? null : ra.getValue());
            });
        } catch (IOException e) {
            throw KongErrors.io(label, options.baseUrl().toString(), e, entity, options.caCert() != null);
        }
    }

    private static URI uri(HttpUriRequestBase request) {
        try {
            return request.getUri();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> parseObject(Response r, String request) {
        if (r.body().isBlank()) return Map.of();
        try {
            return JSON.readValue(r.body(), MAP);
        } catch (IOException e) {
            throw notJson(r, request, e);
        }
    }

    private KongApiException notJson(Response r, String request, IOException e) {
        return new KongApiException(request + " answered HTTP " + r.status() + " with a body that is not a JSON object;"
                + " is " + options.baseUrl() + " the Kong Admin API?", r.status(), null, null, null, null, null, e);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    record Response(int status, String body, String retryAfter) {
    }
}
