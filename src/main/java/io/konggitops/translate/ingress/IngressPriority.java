package io.konggitops.translate.ingress;

import java.util.List;

/**
 * The priority KIC gives an Ingress expression route ({@code IngressRoutePriorityTraits.EncodeToPriority}), so that
 * the expressions router orders Ingress routes as the traditional_compatible router would. Bits, high to low:
 * resource kind (Ingress = 3, at 44), number of matched fields (at 41), header count (max 255, at 33), "only plain
 * hosts" (32), "has a regex path" (16), longest path length (max 65535, bits 0-15).
 *
 * @param matchFields   how many of paths, hosts, headers, methods and SNIs the route matches on
 * @param plainHostOnly hosts are given and none is a wildcard
 */
record IngressPriority(int matchFields, boolean plainHostOnly, int headerCount, int maxPathLength,
                       boolean hasRegexPath) {
    static final long RESOURCE_KIND_INGRESS = 3;
    static final int RESOURCE_KIND_SHIFT = 44;
    private static final int MATCH_FIELDS_SHIFT = 41;
    private static final int HEADER_COUNT_SHIFT = 33;
    private static final int PLAIN_HOST_SHIFT = 32;
    private static final int REGEX_PATH_SHIFT = 16;
    private static final int HEADER_COUNT_LIMIT = 255;
    private static final int PATH_LENGTH_LIMIT = (1 << 16) - 1;

    long encode() {
        long p = Math.min(maxPathLength, PATH_LENGTH_LIMIT);
        if (hasRegexPath) p += 1L << REGEX_PATH_SHIFT;
        if (plainHostOnly) p += 1L << PLAIN_HOST_SHIFT;
        p += (long) Math.min(headerCount, HEADER_COUNT_LIMIT) << HEADER_COUNT_SHIFT;
        p += (long) matchFields << MATCH_FIELDS_SHIFT;
        p += RESOURCE_KIND_INGRESS << RESOURCE_KIND_SHIFT;
        return p;
    }

    /**
     * KIC {@code calculateIngressRoutePriorityTraits}. Exact and Prefix paths count as regex paths (the traditional
     * router gets regex paths for them); an ImplementationSpecific path only when it starts with the regex prefix.
     * Lengths are in bytes: Exact {@code 1 + len(path without leading /)}, Prefix {@code 2 + len(path without
     * surrounding /)} or 1 for {@code /}, regex the length of the regex, otherwise the path's length.
     */
    static IngressPriority of(List<IngressExpressions.PathSpec> paths, String regexPrefix, List<String> hosts,
                              int headerCount, boolean hasHeaders, boolean hasMethods, boolean hasSnis) {
        int fields = 0;
        int maxLength = 0;
        boolean regex = false;
        if (!paths.isEmpty()) fields++;
        for (IngressExpressions.PathSpec p : paths) {
            int length = 0;
            switch (p.type()) {
                case "Exact" -> {
                    regex = true;
                    length = 1 + IngressExpressions.byteLength(IngressExpressions.trimLeft(p.path()));
                }
                case "Prefix" -> {
                    regex = true;
                    String base = IngressExpressions.trim(p.path());
                    length = base.isEmpty() ? 1 : 2 + IngressExpressions.byteLength(base);
                }
                case "ImplementationSpecific" -> {
                    if (!regexPrefix.isEmpty() && p.path().startsWith(regexPrefix)) {
                        regex = true;
                        length = IngressExpressions.byteLength(p.path().substring(regexPrefix.length()));
                    } else {
                        length = IngressExpressions.byteLength(p.path());
                    }
                }
                default -> {
                }
            }
            maxLength = Math.max(maxLength, length);
        }
        boolean plainHosts = false;
        if (!hosts.isEmpty()) {
            fields++;
            plainHosts = hosts.stream().noneMatch(h -> h.startsWith("*"));
        }
        int headers = 0;
        if (hasHeaders) {
            fields++;
            headers = headerCount;
        }
        if (hasMethods) fields++;
        if (hasSnis) fields++;
        return new IngressPriority(fields, plainHosts, headers, maxLength, regex);
    }
}
