package io.konggitops.kong;

import org.apache.hc.core5.net.URIBuilder;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * Admin API URLs: the base URL (which may carry a path prefix, e.g. behind an ingress), then {@code /<workspace>}
 * when one is set (never for {@code GET /}), then the path segments, each percent-encoded.
 */
final class KongPaths {
    private final URI base;
    private final List<String> basePath;
    private final String workspace;

    KongPaths(URI base, String workspace) {
        this.base = base;
        this.workspace = workspace;
        this.basePath = new URIBuilder(base).getPathSegments().stream().filter(s -> !s.isEmpty()).toList();
    }

    /** {@code GET /}: never workspace-prefixed. */
    URI root() {
        return build(new ArrayList<>(basePath), true, null);
    }

    URI path(String... segments) {
        List<String> all = new ArrayList<>(basePath);
        if (workspace != null) all.add(workspace);
        for (String s : segments) {
            if (s == null || s.isEmpty()) {
                throw new IllegalArgumentException("empty path segment in Admin API path " + String.join("/", segments));
            }
            all.add(s);
        }
        return build(all, false, null);
    }

    URI collection(String endpoint) {
        return path(endpoint);
    }

    URI targets(String upstreamIdOrName) {
        return path("upstreams", upstreamIdOrName, "targets");
    }

    URI config() {
        return withQuery(path("config"), List.of("check_hash", "1", "flatten_errors", "1"));
    }

    /** One page: {@code size=1000}, {@code tags} when set, {@code offset} after the first page. */
    static URI page(URI collection, String tags, String offset) {
        List<String> q = new ArrayList<>(List.of("size", String.valueOf(AdminClient.PAGE_SIZE)));
        if (tags != null) {
            q.add("tags");
            q.add(tags);
        }
        if (offset != null) {
            q.add("offset");
            q.add(offset);
        }
        return withQuery(collection, q);
    }

    /** Path and query as shown in messages (no scheme or host). */
    String display(URI uri) {
        String p = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? p : p + "?" + uri.getRawQuery();
    }

    private URI build(List<String> segments, boolean trailingSlash, List<String> query) {
        try {
            URIBuilder b = new URIBuilder(base).setPathSegments(segments).removeQuery().setFragment(null);
            if (trailingSlash && segments.isEmpty()) b.setPath("/");
            return b.build();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot build an Admin API URL from " + segments, e);
        }
    }

    private static URI withQuery(URI uri, List<String> nameValues) {
        try {
            URIBuilder b = new URIBuilder(uri);
            for (int i = 0; i < nameValues.size(); i += 2) b.addParameter(nameValues.get(i), nameValues.get(i + 1));
            return b.build();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The {@code offset} query parameter of a {@code next} link, or null. */
    static String offsetOf(String next) {
        try {
            return new URIBuilder(next).getQueryParams().stream()
                    .filter(p -> p.getName().equals("offset")).map(p -> p.getValue()).findFirst().orElse(null);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
