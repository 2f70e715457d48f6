package io.konggitops.translate.atc;

import io.konggitops.translate.naming.KicPatterns;

import java.util.ArrayList;
import java.util.List;

/**
 * The host part of an expression route, shared by Ingress, HTTPRoute and GRPCRoute (KIC {@code hostMatcherFromHosts}):
 * any of the hosts; {@code *.example.com} is a suffix match on {@code .example.com}, any other host an exact match.
 * A host that is not a valid host name (KIC's pattern) is left out.
 */
public final class HostMatchers {

    private HostMatchers() {
    }

    public static Matcher anyOf(List<String> hosts) {
        List<Matcher> parts = new ArrayList<>();
        for (String host : hosts) {
            if (!KicPatterns.HOST.matcher(host).matches()) continue;
            if (host.startsWith("*")) {
                parts.add(Matcher.predicate(Field.HTTP_HOST, Op.SUFFIX, host.substring(1)));
            } else {
                parts.add(Matcher.predicate(Field.HTTP_HOST, Op.EQUALS, host));
            }
        }
        return new Matcher.Or(parts);
    }
}
