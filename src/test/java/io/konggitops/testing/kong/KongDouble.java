package io.konggitops.testing.kong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;

/**
 * An in-process, stateful Kong 3.x Admin API on 127.0.0.1 for tests: real HTTP, Kong's defaults, explicit nulls,
 * PUT/PATCH/DELETE semantics, pagination, tag filters, Kong-shaped errors, DB-less {@code POST /config} and
 * {@code /schemas}. See {@code kong-admin-api.md}.
 *
 * <pre>
 * try (KongDouble kong = KongDouble.builder().routerFlavor("expressions").build().start()) {
 *     kong.seed("services", "{\"name\":\"svc1\",\"host\":\"example.com\"}");
 *     String url = kong.baseUrl();   // http://127.0.0.1:PORT
 * }
 * </pre>
 */
public final class KongDouble implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    static {
        // The JDK server leaves Nagle's algorithm on, so the body it writes after the headers waits for the client's
        // delayed ACK (40 ms on Linux) on every keep-alive request. Kong (nginx) answers with tcp_nodelay on. Read once,
        // when the first server starts: the pom sets it for the whole test JVM too.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    final Options options;
    final KongSchemas schemas;
    final PluginSchemas plugins;
    private final EntityStore store = new EntityStore();
    private final RequestStats stats = new RequestStats();
    private final Controls controls = new Controls();
    /** In lying mode: the state the acknowledged writes would have made (null until the first lying write). */
    private EntityStore.State pretended;
    /** {@code /schemas/...} answers replaced by a test: path after {@code /schemas/} → body (empty = 404). */
    final Map<String, Optional<JsonNode>> schemaOverrides = new ConcurrentHashMap<>();
    final Dao dao;
    private final AdminRouter router;
    private final Object lock = new Object();
    private HttpServer server;
    private ExecutorService executor;
    private int writesSinceArmed;
    private int failAtWrite;
    private int failStatus;

    /** Options; build with {@link KongDouble#builder()}. */
    record Options(String version, String database, String routerFlavor,
                   BiFunction<String, String, Duration> latency, String tokenHeader,
                   String token, boolean schemaEndpoints, Map<String, JsonNode> extraPlugins) {
    }

    KongDouble(Options options) {
        this.options = options;
        this.schemas = new KongSchemas(options.version(), options.routerFlavor());
        this.plugins = new PluginSchemas();
        options.extraPlugins().forEach(plugins::putDefaults);
        this.dao = new Dao(schemas, plugins, store);
        this.router = new AdminRouter(this);
    }

    public static KongDoubleBuilder builder() {
        return new KongDoubleBuilder();
    }

    /** A double with every default (Kong 3.9.1, postgres, traditional_compatible), started. */
    public static KongDouble startDefault() throws IOException {
        return builder().build().start();
    }

    /** Binds 127.0.0.1 on a free port and starts answering. */
    public KongDouble start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "kong-double");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    /** {@code http://127.0.0.1:PORT}, no trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The entity rows; read them with {@code store().all("routes")}. */
    public EntityStore store() {
        return store;
    }

    public RequestStats stats() {
        return stats;
    }

    public boolean dbless() {
        return "off".equals(options.database());
    }

    /** Forgets every entity, the loaded config hash, the counters and any armed fault. */
    public void reset() {
        synchronized (lock) {
            store.clear();
            router.declarative.reset();
            stats.reset();
            failAtWrite = 0;
            controls.reset();
            pretended = null;
            schemaOverrides.clear();
        }
    }

    /**
     * Inserts one entity directly (no HTTP, not counted; works in DB-less mode too), with the same defaults and
     * validation as {@code POST}. {@code json} is a JSON string, a {@code Map} or a Jackson node. Targets need
     * {@code "upstream": {"id": ...}}. Returns the entity as the Admin API would answer it.
     *
     * @throws IllegalArgumentException with Kong's error body when Kong would reject it
     */
    public ObjectNode seed(String entity, Object json) {
        ObjectNode body = json instanceof String s ? parseJson(s) : JSON.valueToTree(json);
        synchronized (lock) {
            try {
                return dao.insert(entity, body);
            } catch (KongError e) {
                throw new IllegalArgumentException(e.status + " " + e.body, e);
            }
        }
    }

    static ObjectNode parseJson(String s) {
        try {
            return (ObjectNode) JSON.readTree(s);
        } catch (IOException | ClassCastException e) {
            throw new IllegalArgumentException("not a JSON object: " + s, e);
        }
    }

    /**
     * Arms a one-shot fault: the {@code n}-th write request from now (1 = the next one) is answered with
     * {@code status} and {@code {"message":"An unexpected error occurred"}} and not applied.
     */
    public void failNthWrite(int n, int status) {
        synchronized (lock) {
            writesSinceArmed = 0;
            failAtWrite = n;
            failStatus = status;
        }
    }

    /**
     * The next {@code times} requests ({@code times < 0}: every one) with this method whose raw path starts with
     * {@code pathPrefix} are answered with {@code status} and {@code {"message":"injected failure"}} (plus
     * {@code Retry-After: seconds} when {@code retryAfter} is given) and not applied. Status 0 closes the connection
     * without an answer (an I/O error for the client).
     */
    public KongDouble failOn(String method, String pathPrefix, int status, int times, Duration retryAfter) {
        controls.failOn(method, pathPrefix, status, times, retryAfter);
        return this;
    }

    /** Forgets every {@link #failOn} rule. */
    public void clearFailures() {
        controls.clearFailures();
    }

    /**
     * The first {@code n} write requests from now wait (at most 5 s) until {@code n} writes are in flight at once,
     * so that a test can observe how many writes a client sends in parallel.
     */
    public void holdFirstWrites(int n) {
        controls.holdFirstWrites(n);
    }

    /**
     * Every write request from now waits (at most 60 s) until {@code release} is counted down, so that a test can
     * act while a client is in the middle of writing.
     */
    public void holdWritesUntil(java.util.concurrent.CountDownLatch release) {
        controls.holdWritesUntil(release);
    }

    /** The largest number of write requests that were in flight at the same time. */
    public int maxConcurrentWrites() {
        return controls.maxConcurrentWrites();
    }

    /**
     * The first {@code n} read requests ({@code GET}, {@code HEAD}, {@code OPTIONS}) from now wait (at most 5 s) until
     * {@code n} reads are in flight at once, so that a test can observe how many reads a client sends in parallel.
     */
    public void holdFirstReads(int n) {
        controls.holdFirstReads(n);
    }

    /** The largest number of read requests that were in flight at the same time. */
    public int maxConcurrentReads() {
        return controls.maxConcurrentReads();
    }

    /** Starts {@link #maxConcurrentReads()} and {@link #maxConcurrentWrites()} over from now. */
    public void clearConcurrencyCounts() {
        controls.clearConcurrencyCounts();
    }

    /**
     * Lying mode: writes are validated and answered exactly as Kong would (200/201 with the entity, 204, Kong's
     * errors), against the state earlier acknowledged writes would have made, but reads keep answering the state
     * from before: a node that acknowledges writes and loses them. For tests of post-apply verification.
     */
    public void lying(boolean on) {
        synchronized (lock) {
            controls.lying(on);
            pretended = null;
        }
    }

    /**
     * Replaces what {@code GET /schemas/{path}} answers ({@code path} like {@code services} or
     * {@code plugins/cors}); {@code null} makes it answer 404.
     */
    public void serveSchema(String path, JsonNode body) {
        schemaOverrides.put(path, Optional.ofNullable(body));
    }

    /** Every write request answered (failed ones too), as {@code "PUT /services/<id>"}, in arrival order. */
    public List<String> writes() {
        List<String> out = new ArrayList<>();
        for (RequestStats.Request r : stats.log()) if (r.isWrite()) out.add(r.method() + " " + r.path());
        return out;
    }

    /**
     * The declarative documents of every successful {@code POST /config}, as sent (the {@code config} string when
     * the body wraps it, else the body).
     */
    public List<String> postedConfigs() {
        List<String> out = new ArrayList<>();
        for (RequestStats.Request r : stats.log()) {
            if (!r.method().equals("POST") || !r.path().equals("/config") || r.status() / 100 != 2) continue;
            try {
                JsonNode n = JSON.readTree(r.body());
                out.add(n.path("config").isTextual() ? n.get("config").asText() : r.body());
            } catch (IOException e) {
                out.add(r.body());
            }
        }
        return out;
    }

    /**
     * Writes every stored row to {@code file} (gzipped JSON, entity → rows), so that a large state made once (a
     * benchmark's 350,000 entities) can be loaded into another double with {@link #loadState} instead of being
     * written again through the Admin API.
     */
    public void saveState(java.nio.file.Path file) throws IOException {
        Map<String, List<ObjectNode>> rows;
        synchronized (lock) {
            rows = store.rowsByEntity();
            try (OutputStream out = new java.util.zip.GZIPOutputStream(java.nio.file.Files.newOutputStream(file))) {
                JSON.writeValue(out, rows);
            }
        }
    }

    /** Replaces every entity with the rows of a {@link #saveState} file, as stored (no validation, not counted). */
    public void loadState(java.nio.file.Path file) throws IOException {
        JsonNode all;
        try (var in = new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(file))) {
            all = JSON.readTree(in);
        }
        synchronized (lock) {
            store.clear();
            all.properties().forEach(e -> e.getValue().forEach(row -> store.put(e.getKey(), (ObjectNode) row)));
        }
    }

    /** The {@code configuration_hash} of the last {@code POST /config} (32 zeros when none). */
    public String configurationHash() {
        return router.declarative.hash();
    }

    @Override
    public void close() {
        if (server != null) server.stop(0);
        if (executor != null) executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            String method = ex.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
            String path = ex.getRequestURI().getRawPath();
            String rawQuery = ex.getRequestURI().getRawQuery();
            boolean write = !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
            Duration latency = options.latency().apply(method, path);
            if (latency != null && !latency.isZero()) sleep(latency);
            if (write) {
                controls.writeStarted();
            } else {
                controls.readStarted();
            }
            AdminRouter.Response resp;
            try {
                resp = answer(ex, method, path, rawQuery, body, write);
                stats.record(new RequestStats.Request(method, path, rawQuery == null ? "" : rawQuery,
                        new String(body, StandardCharsets.UTF_8), resp == null ? 0 : resp.status()));
            } finally {
                // ended before the answer leaves: a client that got it may send its next write at once, and that
                // write must not be counted as concurrent with this one
                if (write) {
                    controls.writeEnded();
                } else {
                    controls.readEnded();
                }
            }
            if (resp != null) send(ex, resp); // null: drop the connection unanswered
        }
    }

    private AdminRouter.Response answer(HttpExchange ex, String method, String path, String rawQuery, byte[] body,
                                        boolean write) {
        if (options.token() != null && !options.token().equals(ex.getRequestHeaders().getFirst(options.tokenHeader()))) {
            return AdminRouter.Response.error(KongError.message(401, "Invalid credentials. Token or User credentials required"));
        }
        Controls.Failure injected = controls.failure(method, path);
        if (injected != null) {
            if (injected.status() == 0) return null;
            AdminRouter.Response r = AdminRouter.Response.error(KongError.message(injected.status(), "injected failure"));
            return injected.retryAfter() == null ? r : new AdminRouter.Response(r.status(), r.body(),
                    Map.of("Retry-After", String.valueOf(injected.retryAfter().toSeconds())));
        }
        synchronized (lock) {
            if (!write || !controls.lying()) return dispatch(method, path, rawQuery, body, ex.getRequestHeaders().getFirst("Content-Type"));
            // the write is applied to the state the lying node pretends to have (so later writes can refer to it)
            // and answered from there; the real state, which every read sees, stays as it was
            EntityStore.State real = store.save();
            String hash = router.declarative.hash();
            if (pretended == null) pretended = real;
            store.restore(pretended);
            try {
                return dispatch(method, path, rawQuery, body, ex.getRequestHeaders().getFirst("Content-Type"));
            } finally {
                pretended = store.save();
                store.restore(real);
                router.declarative.restoreHash(hash);
            }
        }
    }

    private AdminRouter.Response dispatch(String method, String path, String rawQuery, byte[] body, String contentType) {
        boolean write = !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
        if (write && failAtWrite > 0 && ++writesSinceArmed == failAtWrite) {
            failAtWrite = 0;
            return AdminRouter.Response.error(KongError.message(failStatus, "An unexpected error occurred"));
        }
        try {
            return router.handle(method, path, query(rawQuery), body, contentType);
        } catch (KongError e) {
            return AdminRouter.Response.error(e);
        } catch (RuntimeException e) {
            return AdminRouter.Response.error(KongError.message(500, "An unexpected error occurred"));
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return q;
        for (String part : raw.split("&")) {
            if (part.isEmpty()) continue;
            int eq = part.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            q.putIfAbsent(k, v);
        }
        return q;
    }

    private static void send(HttpExchange ex, AdminRouter.Response resp) throws IOException {
        ex.getResponseHeaders().set("Server", "kong/double");
        resp.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        JsonNode body = resp.body();
        if (body == null || resp.status() == 204 || resp.status() == 304) {
            ex.sendResponseHeaders(resp.status(), -1);
            return;
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(resp.status(), bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
