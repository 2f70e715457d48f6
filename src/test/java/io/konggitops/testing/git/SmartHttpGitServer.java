package io.konggitops.testing.git;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PreUploadHook;
import org.eclipse.jgit.transport.ServiceMayNotContinueException;
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
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
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
    private final AtomicInteger failedUploads = new AtomicInteger();
    private volatile boolean refuseNonTipWants;
    private volatile boolean protocolV0Only;

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

    /**
     * From now on, refuse to send commits that no branch or tag points at (like a server without
     * {@code uploadpack.allowReachableSHA1InWant}), so a client asking for an older commit by SHA is turned away.
     */
    public SmartHttpGitServer refuseNonTipWants() {
        this.refuseNonTipWants = true;
        return this;
    }

    /** Ignores the client's {@code Git-Protocol: version=2} request and answers in protocol v0. */
    public SmartHttpGitServer protocolV0Only() {
        this.protocolV0Only = true;
        return this;
    }

    /** How many upload-pack requests the server refused or failed (e.g. a want the request policy forbids). */
    public int failedUploads() {
        return failedUploads.get();
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
        } catch (IOException | RuntimeException e) {
            // the client sees the ERR or truncated response; nothing more to send
            failedUploads.incrementAndGet();
        }
    }

    private UploadPack uploadPack(HttpExchange ex, Repository repo) {
        UploadPack up = new UploadPack(repo);
        up.setBiDirectionalPipe(false);
        if (refuseNonTipWants) {
            up.setPreUploadHook(new TipsOnly(repo));
        }
        String protocol = ex.getRequestHeaders().getFirst("Git-Protocol");
        if (protocol != null && !protocolV0Only) {
            up.setExtraParameters(List.copyOf(Arrays.asList(protocol.split(":"))));
        }
        return up;
    }

    /** Refuses wants that are not the (peeled) tip of a ref. */
    private record TipsOnly(Repository repo) implements PreUploadHook {
        @Override
        public void onBeginNegotiateRound(UploadPack up, Collection<? extends ObjectId> wants, int cntOffered)
                throws ServiceMayNotContinueException {
            check(wants);
        }

        @Override
        public void onEndNegotiateRound(UploadPack up, Collection<? extends ObjectId> wants, int cntCommon,
                                        int cntNotFound, boolean ready) throws ServiceMayNotContinueException {
            check(wants);
        }

        @Override
        public void onSendPack(UploadPack up, Collection<? extends ObjectId> wants, Collection<? extends ObjectId> haves)
                throws ServiceMayNotContinueException {
            check(wants);
        }

        private void check(Collection<? extends ObjectId> wants) throws ServiceMayNotContinueException {
            Set<ObjectId> tips = new HashSet<>();
            try {
                for (Ref ref : repo.getRefDatabase().getRefs()) {
                    Ref peeled = repo.getRefDatabase().peel(ref);
                    tips.add(peeled.getObjectId());
                    if (peeled.getPeeledObjectId() != null) {
                        tips.add(peeled.getPeeledObjectId());
                    }
                }
            } catch (IOException e) {
                throw new ServiceMayNotContinueException(e);
            }
            for (ObjectId want : wants) {
                if (!tips.contains(want)) {
                    throw new ServiceMayNotContinueException("want " + want.name() + " not valid");
                }
            }
        }
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
