package io.konggitops.testing.kong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Collection listing as {@code kong/api/endpoints.lua} + the DAO page do it: {@code size} 1..1000 (default 100),
 * opaque base64 {@code offset} tokens (targets: numeric strings), {@code next} link carrying tags and size on
 * top-level collections only, tag filters ({@code a,b} AND, {@code a/b} OR, at most 5).
 */
final class Listing {
    private static final String TAG_BYTES = "[\\x20-\\x2B\\x2D\\x2E\\x30-\\x7E\\x{80}-\\x{10FFFF}]";
    private static final Pattern AND = Pattern.compile("^(" + TAG_BYTES + "+(?:,|$))+$");
    private static final Pattern OR = Pattern.compile("^(" + TAG_BYTES + "+(?:/|$))+$");

    private Listing() {
    }

    /**
     * One page of {@code rows}.
     *
     * @param path     the collection path for {@code next} ({@code /services} or {@code /services/{id}/routes})
     * @param nested   nested collections do not carry tags/size in {@code next}
     * @param numeric  numeric offsets (targets)
     * @param render   turns a stored row into the answered entity (only the page's rows are rendered)
     */
    static ObjectNode page(List<ObjectNode> rows, Map<String, String> query, String path, boolean nested,
                           boolean numeric, boolean hasTags, String entity,
                           java.util.function.UnaryOperator<ObjectNode> render) {
        int size = 100;
        String sizeArg = query.get("size");
        if (sizeArg != null) {
            double d;
            try {
                d = Double.parseDouble(sizeArg);
            } catch (NumberFormatException e) {
                throw KongError.coded(400, 9, "invalid size", "size must be a number");
            }
            if (d != Math.rint(d) || d < 1 || d > 1000) {
                throw KongError.coded(400, 9, "invalid size", "size must be an integer between 1 and 1000");
            }
            size = (int) d;
        }
        // the postgres strategy's page() takes a foreign key OR tags: a nested listing (page_for_<parent>) checks the
        // tags argument (kong/api/endpoints.lua extract_options) but does not filter on it
        // (kong/db/strategies/postgres/init.lua page)
        List<ObjectNode> filtered = filterTags(rows, query.get("tags"), hasTags, entity);
        if (nested) filtered = new ArrayList<>(rows);
        if (!numeric) filtered.sort((a, b) -> a.get("id").asText().compareTo(b.get("id").asText()));
        int start = 0;
        String offset = query.get("offset");
        if (offset != null) start = numeric ? numericOffset(offset) : decodeOffset(offset, filtered);
        int end = Math.min(filtered.size(), start + size);
        ObjectNode out = Field.F.objectNode();
        ArrayNode data = out.putArray("data");
        for (int i = start; i < end; i++) data.add(render.apply(filtered.get(i)));
        if (end < filtered.size()) {
            String token = numeric ? String.valueOf(end)
                    : Base64.getEncoder().encodeToString(("[\"" + filtered.get(end - 1).get("id").asText() + "\"]")
                            .getBytes(StandardCharsets.UTF_8));
            StringBuilder next = new StringBuilder(path).append("?offset=").append(escape(token));
            if (!nested && query.containsKey("tags")) next.append("&tags=").append(escape(query.get("tags")));
            if (!nested && sizeArg != null) next.append("&size=").append(sizeArg);
            out.put("offset", token);
            out.put("next", next.toString());
        } else {
            out.putNull("next");
        }
        return out;
    }

    /**
     * The order of {@code GET /upstreams/{u}/targets}: {@code kong/db/dao/targets.lua} {@code page_for_upstream} reads
     * every target of the upstream ({@code select_by_upstream_raw}, sorted by {@code created_at}, then {@code id}) and
     * pages through that list from its end, so the newest target comes first. It keeps one entry per
     * {@code target} string and, despite its comment, no longer leaves out targets of weight 0 (Kong 3.x).
     */
    static void newestFirst(List<ObjectNode> targets) {
        targets.sort((a, b) -> {
            int byTime = Double.compare(b.path("created_at").asDouble(), a.path("created_at").asDouble());
            return byTime != 0 ? byTime : b.get("id").asText().compareTo(a.get("id").asText());
        });
    }

    static String escape(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static int numericOffset(String offset) {
        try {
            int n = Integer.parseInt(offset);
            if (n >= 0) return n;
        } catch (NumberFormatException e) {
            // fall through
        }
        throw KongError.coded(400, 7, "invalid offset", "'" + offset + "' is not a valid offset: bad offset");
    }

    private static int decodeOffset(String offset, List<ObjectNode> rows) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(offset), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw KongError.coded(400, 7, "invalid offset", "'" + offset + "' is not a valid offset: bad base64 encoding");
        }
        if (!decoded.startsWith("[\"") || !decoded.endsWith("\"]")) {
            throw KongError.coded(400, 7, "invalid offset",
                    "'" + offset + "' is not a valid offset for this strategy: bad json encoding");
        }
        String lastId = decoded.substring(2, decoded.length() - 2);
        int lo = 0;
        int hi = rows.size(); // rows are sorted by id: the first row after lastId
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (rows.get(mid).get("id").asText().compareTo(lastId) <= 0) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    static List<ObjectNode> filterTags(List<ObjectNode> rows, String tags, boolean hasTags, String entity) {
        if (tags == null) return new ArrayList<>(rows);
        if (!hasTags) {
            throw KongError.invalidOptions("tags", "cannot be used with '" + entity + "'");
        }
        List<String> wanted;
        boolean and;
        if (AND.matcher(tags).matches()) {
            and = true;
            wanted = List.of(tags.split(","));
        } else if (OR.matcher(tags).matches()) {
            and = false;
            wanted = List.of(tags.split("/"));
        } else {
            throw KongError.invalidOptions("tags", "invalid filter syntax");
        }
        if (wanted.size() > 5) throw KongError.invalidOptions("tags", "cannot query more than 5 tags");
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode r : rows) {
            List<String> have = new ArrayList<>();
            JsonNode t = r.get("tags");
            if (t != null && t.isArray()) t.forEach(x -> have.add(x.asText()));
            boolean match = and ? have.containsAll(wanted) : wanted.stream().anyMatch(have::contains);
            if (match) out.add(r);
        }
        return out;
    }
}
