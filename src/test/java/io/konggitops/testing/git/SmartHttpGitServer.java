package io.konggitops.testing.git;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.RefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * A read-only Git smart-HTTP server for tests (what {@code git http-backend} does for fetches), on 127.0.0.1 and a free
 * port: the JDK HttpServer plus JGit's {@link UploadPack}. Protocol v0 and v2 (the {@code Git-Protocol} header),
 * optional HTTP Basic auth.
 *
 * <pre>
 * try (SmartHttpGitServer server = SmartHttpGitServer.start()) {
 *     server.serve("team/manifests.git", repo.repository()).requireBasicAuth("x-access-token", "s3cret");
 *     String url = server.url("team/manifests.git");   // http://127.0.0.1:PORT/team/manifests.git
 * }
 * </pre>
 */
public final class SmartHttpGitServer implements AutoCloseable {
    private static final String INFO_REFS = "/info/refs";
    private static final String UPLOAD_PACK = "/git-upload-pack";

    private final HttpServer http;
    private final Map<String, Repository> repositories = new ConcurrentHashMap<>();
    private final AtomicInteger unauthorized = new AtomicInteger();
    private volatile String expectedAuthorization;
    private volatile UploadPack.RequestPolicy requestPolicy;

    private SmartHttpGitServer(HttpServer http) {
        this.http = http;
    }

    public static SmartHttpGitServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            SmartHttpGitServer server = new SmartHttpGitServer(http);
            http.createContext("/", server::handle);
            http.start();
            return server;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Serves {@code repo} at {@code /<name>} (e.g. {@code org/repo.git}). */
    public SmartHttpGitServer serve(String name, Repository repo) {
        repositories.put(strip(name), repo);
        return this;
    }

    /** From now on, every request needs this Basic-auth user and password (401 otherwise). */
    public SmartHttpGitServer requireBasicAuth(String username, String password) {
        String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.expectedAuthorization = "Basic " + token;
        return this;
    }

    /** Which wants the server accepts ({@code TIP} refuses commits that no ref points at); null for JGit's default. */
    public SmartHttpGitServer requestPolicy(UploadPack.RequestPolicy policy) {
        this.requestPolicy = policy;
        return this;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public String url(String name) {
        return "http://127.0.0.1:" + port() + "/" + strip(name);
    }

    /** How many requests were answered 401. */
    public int unauthorizedCount() {
        return unauthorized.get();
    }

    @Override
    public void close() {
        http.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String auth = expectedAuthorization;
            if (auth != null && !auth.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                unauthorized.incrementAndGet();
                ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
                ex.sendResponseHeaders(401, -1);
                return;
            }
            String path = ex.getRequestURI().getPath();
            if ("GET".equals(ex.getRequestMethod()) && path.endsWith(INFO_REFS)
                    && "service=git-upload-pack".equals(ex.getRequestURI().getQuery())) {
                Repository repo = repositories.get(strip(path.substring(0, path.length() - INFO_REFS.length())));
                if (repo == null) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                advertise(ex, repo);
            } else if ("POST".equals(ex.getRequestMethod()) && path.endsWith(UPLOAD_PACK)) {
                Repository repo = repositories.get(strip(path.substring(0, path.length() - UPLOAD_PACK.length())));
                if (repo == null) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                upload(ex, repo);
            } else {
                ex.sendResponseHeaders(404, -1);
            }
        }
    }

    private void advertise(HttpExchange ex, Repository repo) throws IOException {
        UploadPack up = uploadPack(ex, repo);
        ex.getResponseHeaders().add("Content-Type", "application/x-git-upload-pack-advertisement");
        ex.getResponseHeaders().add("Cache-Control", "no-cache");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            PacketLineOut pck = new PacketLineOut(out);
            up.sendAdvertisedRefs(new RefAdvertiser.PacketLineOutRefAdvertiser(pck), "git-upload-pack");
        }
    }

    private void upload(HttpExchange ex, Repository repo) throws IOException {
        UploadPack up = uploadPack(ex, repo);
        InputStream in = ex.getRequestBody();
        if ("gzip".equalsIgnoreCase(ex.getRequestHeaders().getFirst("Content-Encoding"))) {
            in = new GZIPInputStream(in);
        }
        ex.getResponseHeaders().add("Content-Type", "application/x-git-upload-pack-result");
        ex.getResponseHeaders().add("Cache-Control", "no-cache");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            up.upload(in, out, null);
        } catch (IOException e) {
            // the client sees the truncated or ERR response; nothing more to send
        }
    }

    private UploadPack uploadPack(HttpExchange ex, Repository repo) {
        UploadPack up = new UploadPack(repo);
        up.setBiDirectionalPipe(false);
        if (requestPolicy != null) {
            up.setRequestPolicy(requestPolicy);
        }
        String protocol = ex.getRequestHeaders().getFirst("Git-Protocol");
        if (protocol != null) {
            up.setExtraParameters(List.copyOf(Arrays.asList(protocol.split(":"))));
        }
        return up;
    }

    private static String strip(String name) {
        String n = name;
        while (n.startsWith("/")) {
            n = n.substring(1);
        }
        while (n.endsWith("/")) {
            n = n.substring(0, n.length() - 1);
        }
        return n;
    }
}
