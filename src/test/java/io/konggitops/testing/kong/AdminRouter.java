package io.konggitops.testing.kong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Maps Admin API paths and verbs onto the {@link Dao}, the way {@code kong/api/endpoints.lua} generates them. */
final class AdminRouter {
    /** An answer: status, JSON body (null = none) and extra headers. */
    record Response(int status, JsonNode body, Map<String, String> headers) {
        static Response of(int status, JsonNode body) {
            return new Response(status, body, Map.of());
        }

        static Response error(KongError e) {
            return of(e.status, e.body);
        }
    }

    /** Child collections under a parent: path segment → (child entity, foreign key field). */
    private static final Map<String, Map<String, String[]>> NESTED = Map.of(
            "services", Map.of("routes", new String[] {"routes", "service"}, "plugins", new String[] {"plugins", "service"}),
            "routes", Map.of("plugins", new String[] {"plugins", "route"}),
            "upstreams", Map.of("targets", new String[] {"targets", "upstream"}),
            "certificates", Map.of("snis", new String[] {"snis", "certificate"}),
            "consumers", Map.of("plugins", new String[] {"plugins", "consumer"},
                    "key-auth", new String[] {"keyauth_credentials", "consumer"},
                    "basic-auth", new String[] {"basicauth_credentials", "consumer"},
                    "hmac-auth", new String[] {"hmacauth_credentials", "consumer"},
                    "jwt", new String[] {"jwt_secrets", "consumer"},
                    "oauth2", new String[] {"oauth2_credentials", "consumer"},
                    "acls", new String[] {"acls", "consumer"}));

    private final KongDouble kong;
    private final Dao dao;
    final DeclarativeConfig declarative;
    private final RootInfo root;

    AdminRouter(KongDouble kong) {
        this.kong = kong;
        this.dao = kong.dao;
        this.declarative = new DeclarativeConfig(kong);
        this.root = new RootInfo(kong);
    }

    Response handle(String method, String rawPath, Map<String, String> query, byte[] body, String contentType) {
        List<String> segs = new ArrayList<>();
        for (String s : rawPath.split("/")) if (!s.isEmpty()) segs.add(URLDecoder.decode(s, StandardCharsets.UTF_8));
        if (segs.isEmpty()) return get(method, root.root());
        switch (segs.get(0)) {
            case "status" -> {
                return segs.size() == 1 ? get(method, root.status(declarative.hash())) : notFound();
            }
            case "config" -> {
                return segs.size() == 1 ? declarative.handle(method, query, body, contentType) : notFound();
            }
            case "schemas" -> {
                return root.schemas(method, segs, body);
            }
            case "tags" -> {
                return segs.size() == 2 ? get(method, root.tagged(segs.get(1))) : notFound();
            }
            case "targets" -> {
                return notFound();
            }
            default -> {
            }
        }
        if (segs.size() == 2 && segs.get(0).equals("plugins") && segs.get(1).equals("enabled")) {
            return get(method, root.enabledPlugins());
        }
        EntitySchema s = kong.schemas.byEndpoint(segs.get(0));
        if (s == null) return notFound();
        return switch (segs.size()) {
            case 1 -> collection(method, s, null, null, query, body, "/" + s.endpoint);
            case 2 -> entity(method, s, segs.get(1), body);
            case 3, 4 -> nested(method, s, segs, query, body);
            default -> notFound();
        };
    }

    private static Response get(String method, JsonNode body) {
        return method.equals("GET") ? Response.of(200, body) : Response.error(KongError.message(405, "Method not allowed"));
    }

    private static Response notFound() {
        return Response.error(KongError.notFound());
    }

    private Response collection(String method, EntitySchema s, String fk, ObjectNode parent,
                                Map<String, String> query, byte[] body, String path) {
        if (method.equals("GET")) {
            // stored rows, uncopied (we hold the lock): only the rows of the answered page are rendered, and a
            // child listing reads the foreign-key index, so a page costs the same whatever the table size
            List<ObjectNode> rows = parent == null ? kong.store().rows(s.name)
                    : kong.store().referencing(s.name, fk, parent.get("id").asText());
            if (s.name.equals("consumers") && query.containsKey("custom_id")) {
                rows.removeIf(r -> !query.get("custom_id").equals(r.path("custom_id").asText(null)));
                ObjectNode out = Field.F.objectNode();
                var data = out.putArray("data");
                rows.forEach(r -> data.add(dao.render(s.name, r)));
                out.putNull("next");
                return Response.of(200, out);
            }
            if (s.name.equals("targets") && !path.endsWith("/all")) Listing.newestFirst(rows);
            return Response.of(200, Listing.page(rows, query, path, parent != null, s.name.equals("targets"),
                    s.hasTags(), s.name, r -> dao.render(s.name, r)));
        }
        if (!method.equals("POST")) return Response.error(KongError.message(405, "Method not allowed"));
        if (s.name.equals("targets") && parent == null) return notFound();
        dblessGuard(method, s);
        ObjectNode in = parseBody(body);
        if (parent != null) in.putObject(fk).put("id", parent.get("id").asText());
        return Response.of(201, dao.insert(s.name, in));
    }

    private void dblessGuard(String method, EntitySchema s) {
        if (!kong.dbless()) return;
        String verb = switch (method) {
            case "POST" -> "create";
            case "PUT" -> "create or update";
            case "PATCH" -> "update";
            default -> "remove";
        };
        throw KongError.dbless(verb, s.name);
    }

    private Response entity(String method, EntitySchema s, String key, byte[] body) {
        if (s.name.equals("targets")) return notFound();
        if (method.equals("PUT")) {
            dblessGuard(method, s);
            return Response.of(200, dao.upsert(s.name, key, parseBody(body)));
        }
        ObjectNode row = dao.resolve(s.name, key);
        if (row == null && s.name.equals("certificates") && !SchemaValidator.isUuid(key)) {
            throw KongError.message(404, "SNI not found");
        }
        return onRow(method, s, row, body);
    }

    private Response onRow(String method, EntitySchema s, ObjectNode row, byte[] body) {
        switch (method) {
            case "GET" -> {
                return row == null ? notFound() : Response.of(200, dao.render(s.name, row));
            }
            case "PATCH" -> {
                dblessGuard(method, s);
                return Response.of(200, dao.update(s.name, row, parseBody(body)));
            }
            case "DELETE" -> {
                dblessGuard(method, s);
                dao.delete(s.name, row);
                return Response.of(204, null);
            }
            default -> {
                return Response.error(KongError.message(405, "Method not allowed"));
            }
        }
    }

    private Response nested(String method, EntitySchema parentSchema, List<String> segs, Map<String, String> query,
                            byte[] body) {
        ObjectNode parent = dao.resolve(parentSchema.name, segs.get(1));
        if (parentSchema.name.equals("routes") && segs.size() == 3 && segs.get(2).equals("service")) {
            if (parent == null || parent.path("service").isNull()) return notFound();
            return get(method, dao.render("services", kong.store().row("services", parent.get("service").get("id").asText())));
        }
        String[] child = NESTED.getOrDefault(parentSchema.name, Map.of()).get(segs.get(2));
        if (child == null || parent == null) return notFound();
        EntitySchema cs = dao.schema(child[0]);
        String fk = child[1];
        String parentId = parent.get("id").asText();
        if (segs.size() == 3) {
            String path = "/" + parentSchema.endpoint + "/" + parentId + "/" + segs.get(2);
            return collection(method, cs, fk, parent, query, body, path);
        }
        String key = segs.get(3);
        if (cs.name.equals("targets") && key.equals("all")) {
            return collection(method, cs, fk, parent, query, body, "/upstreams/" + parentId + "/targets/all");
        }
        ObjectNode row = cs.name.equals("targets") ? dao.resolveTarget(parentId, key) : dao.resolve(cs.name, key);
        if (row != null && !parentId.equals(row.path(fk).path("id").asText())) row = null;
        if (method.equals("PUT")) {
            dblessGuard(method, cs);
            ObjectNode in = parseBody(body);
            in.putObject(fk).put("id", parentId);
            // kong/api/routes/upstreams.lua update_target_cb -> endpoints.update_entity: a merge, 404 when absent
            if (cs.name.equals("targets")) return Response.of(200, dao.update(cs.name, row, in));
            return Response.of(200, dao.upsert(cs.name, key, in));
        }
        if (method.equals("PATCH") && row != null) {
            ObjectNode in = parseBody(body);
            if (!in.has(fk)) in.putObject(fk).put("id", parentId);
            dblessGuard(method, cs);
            return Response.of(200, dao.update(cs.name, row, in));
        }
        return onRow(method, cs, row, body);
    }

    static ObjectNode parseBody(byte[] body) {
        if (body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) return Field.F.objectNode();
        try {
            JsonNode n = KongDouble.JSON.readTree(body);
            if (n instanceof ObjectNode o) return o;
        } catch (IOException e) {
            // fall through
        }
        throw KongError.message(400, "Cannot parse JSON body");
    }
}
