package io.konggitops.kong;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a whole Admin API collection page by page. Every request carries {@code size=1000} and the tag filter: the
 * {@code next} links of nested collections ({@code /upstreams/{u}/targets}) drop both, so the pager never follows
 * {@code next} as given. It takes the {@code offset} field (a string, or for targets a number-like string), or, when
 * a page has only a {@code next} link, the offset inside it; it stops when both are absent or null.
 */
final class KongPager {
    private final Function<URI, ListingPage> get;
    private final URI collection;
    private final String tags;

    /** {@code get} answers one page (a {@code GET} of the URI it is given). */
    KongPager(Function<URI, ListingPage> get, URI collection, String tags) {
        this.get = get;
        this.collection = collection;
        this.tags = tags;
    }

    List<KongEntity> all() {
        List<KongEntity> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String offset = null;
        do {
            URI uri = KongPaths.page(collection, tags, offset);
            ListingPage page = get.apply(uri);
            switch (page.shape()) {
                case NOT_A_LIST -> throw unexpected(uri, "its 'data' is not a list");
                case MISSING -> throw unexpected(uri, "it has no 'data' list");
                default -> out.addAll(page.data()); // a null 'data' is an empty page
            }
            offset = nextOffset(page, uri);
            if (offset != null && !seen.add(offset)) {
                throw unexpected(uri, "it repeats offset " + offset + " (the listing would never end)");
            }
        } while (offset != null);
        return out;
    }

    private static String nextOffset(ListingPage page, URI uri) {
        if (page.offset() != null) return page.offset();
        String next = page.next();
        if (next != null && !next.isEmpty()) {
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
