package io.konggitops.testing.kong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/** {@code GET /}, {@code GET /status}, {@code /schemas/...}, {@code GET /plugins/enabled}, {@code GET /tags/{tag}}. */
final class RootInfo {
    private final KongDouble kong;
    private final String nodeId = UUID.randomUUID().toString();

    RootInfo(KongDouble kong) {
        this.kong = kong;
    }

    ObjectNode root() {
        ObjectNode o = Field.F.objectNode();
        o.put("tagline", "Welcome to kong");
        o.put("version", kong.options.version());
        o.put("edition", "community");
        o.put("hostname", "kong-double");
        o.put("node_id", nodeId);
        o.put("lua_version", "LuaJIT 2.1.0-20231117");
        o.putObject("timers").put("running", 0).put("pending", 1);
        o.putObject("pids").put("master", 1).putArray("workers").add(2);
        ObjectNode plugins = o.putObject("plugins");
        ObjectNode available = plugins.putObject("available_on_server");
        int priority = 2000;
        for (String p : kong.plugins.names()) {
            available.putObject(p).put("version", kong.options.version()).put("priority", priority--);
        }
        ArrayNode enabled = plugins.putArray("enabled_in_cluster");
        TreeSet<String> used = new TreeSet<>();
        kong.store().all("plugins").forEach(p -> used.add(p.get("name").asText()));
        used.forEach(enabled::add);
        ObjectNode c = o.putObject("configuration");
        c.put("database", kong.options.database());
        c.put("router_flavor", kong.options.routerFlavor());
        c.put("role", "traditional");
        c.putArray("plugins").add("bundled");
        c.putArray("admin_listen").add("127.0.0.1:" + kong.port());
        c.putArray("proxy_listen").add("0.0.0.0:8000").add("0.0.0.0:8443 ssl");
        ArrayNode listeners = c.putArray("proxy_listeners");
        listeners.add(listener(8000, false));
        listeners.add(listener(8443, true));
        c.putArray("stream_listeners");
        c.putArray("admin_listeners").add(listener(kong.port(), false).put("ip", "127.0.0.1")
                .put("listener", "127.0.0.1:" + kong.port()));
        return o;
    }

    private static ObjectNode listener(int port, boolean ssl) {
        ObjectNode l = Field.F.objectNode();
        l.put("ip", "0.0.0.0").put("port", port).put("ssl", ssl).put("http2", false).put("proxy_protocol", false)
                .put("deferred", false).put("reuseport", false).put("bind", false)
                .put("listener", "0.0.0.0:" + port + (ssl ? " ssl" : ""));
        return l;
    }

    ObjectNode status(String configHash) {
        ObjectNode o = Field.F.objectNode();
        ObjectNode server = o.putObject("server");
        server.put("total_requests", kong.stats().total()).put("connections_active", 1)
                .put("connections_accepted", kong.stats().total()).put("connections_handled", kong.stats().total())
                .put("connections_reading", 0).put("connections_writing", 1).put("connections_waiting", 0);
        ObjectNode memory = o.putObject("memory");
        memory.putObject("lua_shared_dicts");
        memory.putArray("workers_lua_vms");
        if (kong.dbless()) o.put("configuration_hash", configHash);
        else o.putObject("database").put("reachable", true);
        return o;
    }

    AdminRouter.Response schemas(String method, List<String> segs, byte[] body) {
        if (!kong.options.schemaEndpoints()) return AdminRouter.Response.error(KongError.notFound());
        var override = kong.schemaOverrides.get(String.join("/", segs.subList(1, segs.size())));
        if (override != null && method.equals("GET")) {
            return override.map(b -> AdminRouter.Response.of(200, b)).orElseGet(() -> AdminRouter.Response.error(KongError.notFound()));
        }
        if (segs.size() == 3 && segs.get(1).equals("plugins") && method.equals("GET")) {
            ObjectNode s = kong.plugins.schemaJson(kong.schemas.get("plugins"), segs.get(2));
            return s == null ? AdminRouter.Response.error(KongError.message(404, "No plugin named '" + segs.get(2) + "'"))
                    : AdminRouter.Response.of(200, s);
        }
        if (segs.size() < 2 || segs.size() > 3) return AdminRouter.Response.error(KongError.notFound());
        EntitySchema s = kong.schemas.get(segs.get(1));
        if (s == null) return AdminRouter.Response.error(KongError.message(404, "No entity named '" + segs.get(1) + "'"));
        if (segs.size() == 2 && method.equals("GET")) return AdminRouter.Response.of(200, s.toSchemaJson());
        if (segs.size() == 3 && segs.get(2).equals("validate") && method.equals("POST")) {
            kong.dao.validate(s.name, AdminRouter.parseBody(body));
            ObjectNode ok = Field.F.objectNode();
            ok.put("message", "schema validation successful");
            return AdminRouter.Response.of(200, ok);
        }
        return AdminRouter.Response.error(KongError.message(405, "Method not allowed"));
    }

    ObjectNode enabledPlugins() {
        ObjectNode o = Field.F.objectNode();
        ArrayNode a = o.putArray("enabled_plugins");
        kong.plugins.names().forEach(a::add);
        return o;
    }

    ObjectNode tagged(String tag) {
        ObjectNode o = Field.F.objectNode();
        ArrayNode data = o.putArray("data");
        for (EntitySchema s : kong.schemas.all()) {
            for (ObjectNode r : kong.store().all(s.name)) {
                boolean has = false;
                for (JsonNode t : r.path("tags")) has |= t.asText().equals(tag);
                if (has) data.addObject().put("entity_name", s.name).put("entity_id", r.get("id").asText()).put("tag", tag);
            }
        }
        o.putNull("next");
        return o;
    }
}
