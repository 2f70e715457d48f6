package io.konggitops.kong.kinds;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code targets}: only reachable under {@code /upstreams/{u}/targets} (no upsert), identified by (upstream, target
 * address). In a desired state the upstream may be {@code {"name": ...}}: its id is not known before Kong has it.
 */
public final class TargetSpec implements EntitySpec {
    @Override public String endpoint() { return "targets"; }
    @Override public String deckKey() { return "targets"; }
    @Override public String schemaName() { return "targets"; }
    @Override public int level() { return 3; }

    @Override
    public List<ForeignKey> foreignKeys() {
        return List.of(new ForeignKey("upstream", EntityType.UPSTREAM));
    }

    @Override public Optional<String> parentKey() { return Optional.of("upstream"); }
    @Override public List<String> labelFields() { return List.of("target"); }

    @Override
    public String changeLabel(KongEntity e, Refs parents) {
        return e.label() + " on upstream " + parents.name(e, "upstream");
    }

    @Override
    public List<String> naturalKeys(KongEntity e, Refs refs) {
        return e.string("target") == null ? List.of()
                : List.of(refs.name(e, "upstream") + "|" + normalizeTarget(e.string("target")));
    }

    /** The upstream is part of the identity (compared by name), not a field; the address as Kong stores it. */
    @Override
    public void normalize(Map<String, Object> m) {
        m.remove("upstream");
        if (m.get("target") instanceof String t) m.put("target", normalizeTarget(t));
    }

    @Override
    public List<DeckNesting> deckParents() {
        return List.of(new DeckNesting(EntityType.UPSTREAM, "targets", "upstream", false, true));
    }

    @Override
    public Comparator<Map<String, Object>> deckOrder() {
        return EntitySpec.descendingBy("target");
    }

    /** Kong's target normalisation: default port 8000, IPv6 bracketed (and canonicalised for comparison). */
    public static String normalizeTarget(String target) {
        String t = target.trim();
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            if (close < 0) return t;
            String host = canonicalIpv6(t.substring(1, close));
            String rest = t.substring(close + 1);
            return "[" + host + "]" + (rest.startsWith(":") ? rest : ":8000");
        }
        long colons = t.chars().filter(c -> c == ':').count();
        if (colons > 1) return "[" + canonicalIpv6(t) + "]:8000";
        return colons == 1 ? t : t + ":8000";
    }

    private static String canonicalIpv6(String literal) {
        if (!literal.matches("[0-9a-fA-F:.]+")) return literal.toLowerCase(Locale.ROOT);
        try {
            return InetAddress.getByName(literal).getHostAddress();
        } catch (UnknownHostException e) {
            return literal.toLowerCase(Locale.ROOT);
        }
    }
}
