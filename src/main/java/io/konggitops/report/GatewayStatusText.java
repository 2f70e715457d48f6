package io.konggitops.report;

import io.konggitops.translate.gateway.status.Condition;
import io.konggitops.translate.gateway.status.GatewayApiStatus;
import io.konggitops.translate.gateway.status.GatewayStatus;
import io.konggitops.translate.gateway.status.ListenerStatus;
import io.konggitops.translate.gateway.status.ParentRef;
import io.konggitops.translate.gateway.status.RouteParentStatus;
import io.konggitops.translate.gateway.status.RouteStatus;

import java.util.List;

/**
 * The Gateway API status for a person: one line per Gateway, listener and route parent; a line with a condition that
 * is not as it should be (not True; {@code Conflicted} True) starts with {@code !} and, on a terminal, that condition is
 * red. Conditions that hold show as {@code Type=True}; the others with their reason and message.
 */
final class GatewayStatusText {
    private static final String RED = "\u001b[31m";
    private static final String RESET = "\u001b[0m";

    private GatewayStatusText() {
    }

    static String render(GatewayApiStatus s, boolean color) {
        if (s == null || s.isEmpty()) return "";
        StringBuilder sb = new StringBuilder("Gateway API status (computed; nothing is written to the cluster):\n");
        for (GatewayStatus g : s.gateways()) {
            line(sb, "", "Gateway " + g.namespace() + "/" + g.name(), g.conditions(), color);
            for (ListenerStatus l : g.listeners()) {
                line(sb, "  ", "listener " + l.name() + " (" + l.attachedRoutes() + " attached route"
                        + (l.attachedRoutes() == 1 ? "" : "s") + ")", l.conditions(), color);
            }
        }
        for (RouteStatus r : s.routes()) {
            for (RouteParentStatus p : r.parents()) {
                line(sb, "", r.kind() + " " + r.namespace() + "/" + r.name() + " -> " + parent(p.parentRef()),
                        p.conditions(), color);
            }
        }
        return sb.toString();
    }

    /** {@code Gateway infra/gw listener http :80}. */
    static String parent(ParentRef ref) {
        StringBuilder sb = new StringBuilder(ref.kind()).append(' ').append(ref.namespace()).append('/')
                .append(ref.name());
        if (ref.sectionName() != null) sb.append(" listener ").append(ref.sectionName());
        if (ref.port() != null) sb.append(" :").append(ref.port());
        return sb.toString();
    }

    /** Whether a condition says something is wrong. */
    static boolean bad(Condition c) {
        return "Conflicted".equals(c.type()) ? "True".equals(c.status()) : !c.holds();
    }

    private static void line(StringBuilder sb, String indent, String what, List<Condition> conditions,
                             boolean color) {
        boolean bad = conditions.stream().anyMatch(GatewayStatusText::bad);
        sb.append(bad ? "! " : "  ").append(indent).append(what).append(": ");
        for (int i = 0; i < conditions.size(); i++) {
            Condition c = conditions.get(i);
            if (i > 0) sb.append(", ");
            boolean wrong = bad(c);
            if (wrong && color) sb.append(RED);
            sb.append(c.type()).append('=').append(c.status());
            if (wrong) {
                sb.append(" (").append(c.reason());
                if (c.message() != null && !c.message().isEmpty()) sb.append(": ").append(c.message());
                sb.append(')');
            }
            if (wrong && color) sb.append(RESET);
        }
        sb.append('\n');
    }
}
