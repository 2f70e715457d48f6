package io.konggitops.translate.atc;

import io.konggitops.translate.naming.KicPatterns;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The SNI part of an expression route (KIC {@code sniMatcherFromSNIs}): any of the SNIs, each an exact
 * {@code tls.sni} match. An entry that is not a plain host name (KIC's pattern: no wildcard) is left out.
 */
public final class SniMatchers {

    private SniMatchers() {
    }

    public static boolean valid(String sni) {
        return KicPatterns.SNI.matcher(sni).matches();
    }

    /** The entries of a {@code konghq.com/snis} annotation (comma-separated, trimmed), as KIC's {@code ExtractSNIs}. */
    public static List<String> fromAnnotation(String value) {
        if (value == null || value.isBlank()) return List.of();
        return Arrays.stream(value.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    public static Matcher anyOf(List<String> snis) {
        List<Matcher> parts = new ArrayList<>();
        for (String sni : snis) {
            if (valid(sni)) parts.add(Matcher.predicate(Field.TLS_SNI, Op.EQUALS, sni));
        }
        return new Matcher.Or(parts);
    }
}
