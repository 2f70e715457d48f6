package io.konggitops.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.konggitops.translate.gateway.status.Condition;
import io.konggitops.translate.gateway.status.GatewayApiStatus;
import io.konggitops.translate.gateway.status.GatewayStatus;
import io.konggitops.translate.gateway.status.ListenerStatus;
import io.konggitops.translate.gateway.status.ParentRef;
import io.konggitops.translate.gateway.status.RouteParentStatus;
import io.konggitops.translate.gateway.status.RouteStatus;

import java.util.List;

/**
 * The report's {@code status}: {@code {gateways: [{namespace, name, conditions, listeners: [{name, attachedRoutes,
 * conditions}]}], routes: [{kind, namespace, name, parents: [{parentRef: {group, kind, namespace, name, sectionName,
 * port}, controllerName, conditions}]}]}}, each condition {@code {type, status, reason, message}}: the Gateway API
 * status a conformant controller would write (field names as in the Gateway API).
 */
final class GatewayStatusJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GatewayStatusJson() {
    }

    static ObjectNode of(GatewayApiStatus s) {
        ObjectNode n = NODES.objectNode();
        ArrayNode gateways = n.putArray("gateways");
        for (GatewayStatus g : s.gateways()) {
            ObjectNode gn = gateways.addObject();
            gn.put("namespace", g.namespace());
            gn.put("name", g.name());
            gn.set("conditions", conditions(g.conditions()));
            ArrayNode listeners = gn.putArray("listeners");
            for (ListenerStatus l : g.listeners()) {
                ObjectNode ln = listeners.addObject();
                ln.put("name", l.name());
                ln.put("attachedRoutes", l.attachedRoutes());
                ln.set("conditions", conditions(l.conditions()));
            }
        }
        ArrayNode routes = n.putArray("routes");
        for (RouteStatus r : s.routes()) {
            ObjectNode rn = routes.addObject();
            rn.put("kind", r.kind());
            rn.put("namespace", r.namespace());
            rn.put("name", r.name());
            ArrayNode parents = rn.putArray("parents");
            for (RouteParentStatus p : r.parents()) {
                ObjectNode pn = parents.addObject();
                ParentRef ref = p.parentRef();
                ObjectNode refNode = pn.putObject("parentRef");
                refNode.put("group", ref.group());
                refNode.put("kind", ref.kind());
                refNode.put("namespace", ref.namespace());
                refNode.put("name", ref.name());
                refNode.put("sectionName", ref.sectionName());
                refNode.put("port", ref.port());
                pn.put("controllerName", p.controllerName());
                pn.set("conditions", conditions(p.conditions()));
            }
        }
        return n;
    }

    private static ArrayNode conditions(List<Condition> conditions) {
        ArrayNode out = NODES.arrayNode();
        for (Condition c : conditions) {
            ObjectNode cn = out.addObject();
            cn.put("type", c.type());
            cn.put("status", c.status());
            cn.put("reason", c.reason());
            cn.put("message", c.message() == null ? "" : c.message());
        }
        return out;
    }
}
