package io.konggitops.testing.kong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A tiny JDK HTTP client for the double's tests: every call goes over real HTTP. */
final class AdminHttp {
    /** Status, parsed JSON body (missing node when empty) and headers. */
    record Reply(int status, JsonNode body, String raw, Map<String, java.util.List<String>> headers) {
        JsonNode at(String pointer) {
            return body.at(pointer);
        }
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final Map<String, String> extraHeaders;

    AdminHttp(KongDouble kong) {
        this(kong.baseUrl(), Map.of());
    }

    AdminHttp(String base, Map<String, String> extraHeaders) {
        this.base = base;
        this.extraHeaders = extraHeaders;
    }

    Reply get(String path) {
        return send("GET", path, null, null);
    }

    Reply post(String path, String json) {
        return send("POST", path, json, "application/json");
    }

    Reply put(String path, String json) {
        return send("PUT", path, json, "application/json");
    }

    Reply patch(String path, String json) {
        return send("PATCH", path, json, "application/json");
    }

    Reply delete(String path) {
        return send("DELETE", path, null, null);
    }

    Reply send(String method, String path, String body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) b.header("Content-Type", contentType);
        extraHeaders.forEach(b::header);
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = r.body().isEmpty() ? MissingNode.getInstance() : KongDouble.JSON.readTree(r.body());
            return new Reply(r.statusCode(), json, r.body(), r.headers().map());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** JSON from single-quoted text, to keep test bodies readable: {@code j("{'a':1}")}. */
    static String j(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
