package io.konggitops.kong;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a whole Admin API collection page by page. Every request carries {@code size=1000} and the tag filter: the
 * {@code next} links of nested collections ({@code /upstreams/{u}/targets}) drop both, so the pager never follows
 * {@code next} as given. It takes the {@code offset} field (a string, or for targets a number-like string), or, when
 * a page has only a {@code next} link, the offset inside it; it stops when both are absent or null.
 */
final class KongPager {
    private final AdminClient client;
    private final URI collection;
    private final String tags;

    KongPager(AdminClient client, URI collection, String tags) {
        this.client = client;
        this.collection = collection;
        this.tags = tags;
    }

    List<Map<String, Object>> all() {
        List<Map<String, Object>> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String offset = null;
        do {
            URI uri = KongPaths.page(collection, tags, offset);
            Map<String, Object> page = client.getJson(uri, null);
            if (page.get("data") instanceof List<?> data) {
                for (Object o : data) {
                    if (o instanceof Map<?, ?> m) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> entity = (Map<String, Object>) m;
                        out.add(entity);
                    }
                }
            } else if (page.containsKey("data") && page.get("data") != null) {
                throw unexpected(uri, "its 'data' is not a list");
            } else if (!page.containsKey("data")) {
                throw unexpected(uri, "it has no 'data' list");
            }
            offset = nextOffset(page, uri);
            if (offset != null && !seen.add(offset)) {
                throw unexpected(uri, "it repeats offset " + offset + " (the listing would never end)");
            }
        } while (offset != null);
        return out;
    }

    private String nextOffset(Map<String, Object> page, URI uri) {
        Object offset = page.get("offset");
        if (offset != null && !offset.toString().isEmpty()) {
            return offset instanceof Number n ? String.valueOf(n.longValue()) : offset.toString();
        }
        if (page.get("next") instanceof String next && !next.isEmpty()) {
            String fromLink = KongPaths.offsetOf(next);
            if (fromLink == null) throw unexpected(uri, "its next link " + next + " carries no offset");
            return fromLink;
        }
        return null;
    }

    private static KongApiException unexpected(URI uri, String why) {
        return new KongApiException("GET " + uri.getRawPath() + "?" + uri.getRawQuery()
                + ": the Admin API answered a listing Kong would not produce: " + why, 200, null, null, null, null,
                null, null);
    }
}
