package io.konggitops.kong;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach a Kong Admin API.
 *
 * <p>TLS: by default the server certificate is verified against the JVM trust store and the host name is checked.
 * {@code caCert} (a PEM file with one or more certificates) <b>replaces</b> the JVM trust store: only those CAs are
 * trusted, like {@code curl --cacert} and decK's {@code --ca-cert}; host names are still checked. {@code clientCert} +
 * {@code clientKey} (PEM; key as PKCS#8, PKCS#1 RSA or SEC1 EC, unencrypted) present a client certificate (mTLS).
 * {@code tlsSkipVerify} trusts any server certificate and any host name (tests only).
 *
 * <p>{@code adminToken} is sent as header {@code tokenHeader} (default {@code Kong-Admin-Token}); {@code headers} are
 * sent with every request. {@code workspace}, when set, prefixes every path except {@code GET /} with
 * {@code /<workspace>}. {@link #toString()} never shows the token or header values.
 *
 * <p>{@code readParallelism}: how many Admin API reads one {@code read} has in flight at once (the collections, and the
 * per-upstream target listings); the connection pool keeps at least that many keep-alive connections to the host.
 */
public record AdminClientOptions(URI baseUrl, Path caCert, Path clientCert, Path clientKey, boolean tlsSkipVerify,
                                 String adminToken, String tokenHeader, Map<String, String> headers, String workspace,
                                 Duration connectTimeout, Duration responseTimeout, int maxConnectionsPerRoute,
                                 int readParallelism) {
    public static final String DEFAULT_TOKEN_HEADER = "Kong-Admin-Token";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_CONNECTIONS_PER_ROUTE = 20;
    public static final int DEFAULT_READ_PARALLELISM = 10;

    public AdminClientOptions {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("Kong Admin API URL must be http://host[:port] or https://host[:port], got "
                    + baseUrl);
        }
        if ((clientCert == null) != (clientKey == null)) {
            throw new IllegalArgumentException("a client certificate needs its key and a key needs its certificate");
        }
        tokenHeader = tokenHeader == null || tokenHeader.isBlank() ? DEFAULT_TOKEN_HEADER : tokenHeader.trim();
        adminToken = adminToken == null || adminToken.isEmpty() ? null : adminToken;
        headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        workspace = workspace == null || workspace.isBlank() ? null : workspace.trim();
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        responseTimeout = responseTimeout == null ? DEFAULT_RESPONSE_TIMEOUT : responseTimeout;
        maxConnectionsPerRoute = maxConnectionsPerRoute <= 0 ? DEFAULT_MAX_CONNECTIONS_PER_ROUTE : maxConnectionsPerRoute;
        if (readParallelism < 0) {
            throw new IllegalArgumentException("read parallelism must be at least 1, got " + readParallelism);
        }
        readParallelism = readParallelism == 0 ? DEFAULT_READ_PARALLELISM : readParallelism;
    }

    /** As the canonical constructor, with the default read parallelism. */
    public AdminClientOptions(URI baseUrl, Path caCert, Path clientCert, Path clientKey, boolean tlsSkipVerify,
                              String adminToken, String tokenHeader, Map<String, String> headers, String workspace,
                              Duration connectTimeout, Duration responseTimeout, int maxConnectionsPerRoute) {
        this(baseUrl, caCert, clientCert, clientKey, tlsSkipVerify, adminToken, tokenHeader, headers, workspace,
                connectTimeout, responseTimeout, maxConnectionsPerRoute, 0);
    }

    /** Connections the pool keeps per host: enough for the writes and for the reads in parallel. */
    public int poolSizePerRoute() {
        return Math.max(maxConnectionsPerRoute, readParallelism);
    }

    /** Plain options for {@code url}: verified TLS, no token, no headers, default timeouts. */
    public static AdminClientOptions of(String url) {
        return builder(url).build();
    }

    public static Builder builder(String url) {
        return new Builder(URI.create(url));
    }

    /**
     * Parses {@code K:V} header flags (decK's {@code --headers} form): the name is everything before the first
     * {@code :}, the value everything after it (trimmed).
     */
    public static Map<String, String> parseHeaders(List<String> kv) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String h : kv) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("header must look like Name:value, got one without a name before ':'"
                        + " (value not shown)");
            }
            out.put(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
        }
        return out;
    }

    public boolean https() {
        return "https".equalsIgnoreCase(baseUrl.getScheme());
    }

    @Override
    public String toString() {
        return "AdminClientOptions[baseUrl=" + baseUrl
                + ", caCert=" + caCert + ", clientCert=" + clientCert + ", clientKey=" + (clientKey == null ? null : "(set)")
                + ", tlsSkipVerify=" + tlsSkipVerify
                + ", adminToken=" + (adminToken == null ? "(none)" : "(set)") + ", tokenHeader=" + tokenHeader
                + ", headers=" + headers.keySet() + " (values hidden)"
                + ", workspace=" + workspace + ", connectTimeout=" + connectTimeout
                + ", responseTimeout=" + responseTimeout + ", maxConnectionsPerRoute=" + maxConnectionsPerRoute
                + ", readParallelism=" + readParallelism + "]";
    }

    /** Fluent construction; unset values take the defaults above. */
    public static final class Builder {
        private final URI baseUrl;
        private Path caCert;
        private Path clientCert;
        private Path clientKey;
        private boolean tlsSkipVerify;
        private String adminToken;
        private String tokenHeader;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String workspace;
        private Duration connectTimeout;
        private Duration responseTimeout;
        private int maxConnectionsPerRoute;
        private int readParallelism;

        private Builder(URI baseUrl) {
            this.baseUrl = baseUrl;
        }

        public Builder caCert(Path pem) {
            this.caCert = pem;
            return this;
        }

        public Builder clientCertificate(Path certPem, Path keyPem) {
            this.clientCert = certPem;
            this.clientKey = keyPem;
            return this;
        }

        public Builder tlsSkipVerify(boolean skip) {
            this.tlsSkipVerify = skip;
            return this;
        }

        public Builder adminToken(String token) {
            this.adminToken = token;
            return this;
        }

        public Builder tokenHeader(String name) {
            this.tokenHeader = name;
            return this;
        }

        public Builder header(String name, String value) {
            this.headers.put(name, value);
            return this;
        }

        /** {@code K:V} strings, see {@link AdminClientOptions#parseHeaders(List)}. */
        public Builder headers(List<String> kv) {
            this.headers.putAll(parseHeaders(kv));
            return this;
        }

        public Builder workspace(String workspace) {
            this.workspace = workspace;
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        public Builder responseTimeout(Duration timeout) {
            this.responseTimeout = timeout;
            return this;
        }

        public Builder maxConnectionsPerRoute(int max) {
            this.maxConnectionsPerRoute = max;
            return this;
        }

        /** Reads in flight at once (default 10); 1 reads one request after the other. */
        public Builder readParallelism(int n) {
            this.readParallelism = n;
            return this;
        }

        public AdminClientOptions build() {
            return new AdminClientOptions(baseUrl, caCert, clientCert, clientKey, tlsSkipVerify, adminToken, tokenHeader,
                    headers, workspace, connectTimeout, responseTimeout, maxConnectionsPerRoute, readParallelism);
        }
    }
}
