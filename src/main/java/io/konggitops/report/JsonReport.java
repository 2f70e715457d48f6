package io.konggitops.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.konggitops.apply.ApplyResult;
import io.konggitops.diff.Change;
import io.konggitops.diff.FieldChange;
import io.konggitops.diff.Plan;
import io.konggitops.problem.Problem;

import java.util.List;

/**
 * Machine-readable report, modelled on Terraform's {@code resource_changes}: {@code format_version}, {@code commit},
 * {@code kong}, {@code summary}, {@code changes[{kind, name, id, action, source, fields[{path, before, after}]}]},
 * {@code problems} (with the plan's warnings), {@code applied} (with {@code retries}, the count, and {@code
 * retried[{request, attempt, status, wait_ms, retry_after}]}, each retry and the wait before it, from Kong's
 * Retry-After when {@code retry_after}; and {@code verified} and {@code unconverged} after the re-read), and
 * {@code outcome {status, reason}}: {@code applied}, {@code in-sync}, {@code drift}, {@code refused}, {@code failed},
 * {@code not-converged} or {@code error}; {@code status}: the Gateway API status translation computed
 * ({@link GatewayStatusJson}), null when the run stopped before translating. A run that stopped before planning has {@code "summary": null} and no
 * changes. A sensitive field has {@code "sensitive": true} and no values.
 */
final class JsonReport {
    static final String FORMAT_VERSION = "1.1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    static String render(RunReport r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format_version", FORMAT_VERSION);
        root.put("command", r.command());
        root.put("repo", r.repo());
        root.put("commit", r.commit());
        ObjectNode kong = root.putObject("kong");
        kong.put("address", r.kong().address());
        kong.put("version", r.kong().version());
        kong.put("database", r.kong().database());
        kong.put("router_flavor", r.kong().routerFlavor());
        if (r.plan() == null) {
            root.putNull("summary");
        } else {
            Plan.Summary s = r.plan().summary();
            ObjectNode summary = root.putObject("summary");
            summary.put("create", s.create());
            summary.put("update", s.update());
            summary.put("delete", s.delete());
            summary.put("unchanged", s.unchanged());
        }
        root.put("drift", r.drift());
        ArrayNode changes = root.putArray("changes");
        if (r.plan() != null) {
            for (Change c : r.plan().changes()) {
                changes.add(change(c));
            }
        }
        if (r.pr() != null) pullRequest(root, r);
        ArrayNode problems = root.putArray("problems");
        for (Problem p : r.problems()) {
            problems.add(problem(p));
        }
        if (r.plan() != null) {
            for (Problem p : r.plan().warnings()) {
                problems.add(problem(p));
            }
        }
        if (r.applied() == null) {
            root.putNull("applied");
        } else {
            root.set("applied", applied(r.applied()));
        }
        ObjectNode outcome = root.putObject("outcome");
        outcome.put("status", r.outcome().status().value());
        outcome.put("reason", r.outcome().reason());
        if (r.gatewayStatus() == null) {
            root.putNull("status");
        } else {
            root.set("status", GatewayStatusJson.of(r.gatewayStatus()));
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code diff --base-ref}: {@code pr {base, head, changes}} (the same changes as the top-level list) and
     * {@code kong_drift {summary, changes}}, live Kong against the base, or null when no Kong was asked.
     */
    private static void pullRequest(ObjectNode root, RunReport r) {
        ObjectNode pr = root.putObject("pr");
        pr.put("base", r.pr().base());
        pr.put("head", r.pr().head());
        ArrayNode changes = pr.putArray("changes");
        if (r.plan() != null) r.plan().changes().forEach(c -> changes.add(change(c)));
        Plan drift = r.pr().kongDrift();
        if (drift == null) {
            root.putNull("kong_drift");
            return;
        }
        ObjectNode d = root.putObject("kong_drift");
        Plan.Summary s = drift.summary();
        ObjectNode summary = d.putObject("summary");
        summary.put("create", s.create());
        summary.put("update", s.update());
        summary.put("delete", s.delete());
        summary.put("unchanged", s.unchanged());
        ArrayNode dc = d.putArray("changes");
        drift.changes().forEach(c -> dc.add(change(c)));
    }

    private static ObjectNode change(Change c) {
        ObjectNode n = JSON.createObjectNode();
        n.put("kind", c.type().schemaName());
        n.put("name", c.label().substring(c.label().indexOf(' ') + 1));
        n.put("id", c.id());
        n.put("action", Values.verb(c));
        n.put("cause", c.cause() == null ? null : c.cause().value());
        if (io.konggitops.kong.CodeExecutingPlugins.is(c.entity())) n.put("code_executing", true);
        ObjectNode source = n.putObject("source");
        source.put("object", c.source() == null ? null : c.source().toString());
        source.put("file", c.origin() == null ? null : c.origin().file());
        if (c.origin() != null) source.put("line", c.origin().line());
        ArrayNode fields = n.putArray("fields");
        for (FieldChange f : c.fieldChanges()) {
            ObjectNode fn = fields.addObject();
            fn.put("path", f.path());
            if (f.sensitive()) {
                fn.put("sensitive", true);
            } else {
                fn.set("before", JSON.valueToTree(f.before()));
                fn.set("after", JSON.valueToTree(f.after()));
            }
        }
        return n;
    }

    private static ObjectNode problem(Problem p) {
        ObjectNode n = JSON.createObjectNode();
        n.put("severity", p.severity().name().toLowerCase(java.util.Locale.ROOT));
        n.put("object", p.object() == null ? null : p.object().toString());
        n.put("file", p.origin() == null ? null : p.origin().file());
        if (p.origin() != null) n.put("line", p.origin().line());
        n.put("message", p.message());
        n.put("hint", p.hint());
        return n;
    }

    /**
     * {@code verified}: true or false once Kong was re-read after the writes, null when it was not; {@code unconverged}:
     * the entities still different, each like a change plus a one-line {@code message}.
     */
    private static void verification(ObjectNode n, ApplyResult.Verification v) {
        if (v == null) {
            n.putNull("verified");
            n.putArray("unconverged");
            return;
        }
        n.put("verified", v.converged());
        if (v.error() != null) n.put("verification_error", v.error());
        ArrayNode out = n.putArray("unconverged");
        List<String> messages = v.messages();
        for (int i = 0; i < v.unconverged().size(); i++) {
            ObjectNode c = change(v.unconverged().get(i));
            c.put("message", "did not converge: " + messages.get(i));
            out.add(c);
        }
    }

    private static ObjectNode applied(ApplyResult a) {
        ObjectNode n = JSON.createObjectNode();
        n.put("outcome", a.outcome().name().toLowerCase(java.util.Locale.ROOT));
        ArrayNode ok = n.putArray("applied");
        a.applied().forEach(c -> ok.add(Values.verb(c) + " " + c.label()));
        ArrayNode failed = n.putArray("failed");
        for (ApplyResult.Failure f : a.failed()) {
            ObjectNode fn = failed.addObject();
            fn.put("change", f.change() == null ? "post-config" : Values.verb(f.change()) + " " + f.change().label());
            fn.put("status", f.error().status());
            fn.put("error", f.error().toString());
        }
        ArrayNode skipped = n.putArray("skipped");
        for (ApplyResult.Skipped s : a.skipped()) {
            ObjectNode sn = skipped.addObject();
            sn.put("change", Values.verb(s.change()) + " " + s.change().label());
            sn.put("reason", s.reason());
        }
        n.put("retries", a.retries().size());
        ArrayNode retried = n.putArray("retried");
        for (ApplyResult.Retry r : a.retries()) {
            ObjectNode rn = retried.addObject();
            rn.put("request", r.label());
            rn.put("attempt", r.attempt());
            rn.put("status", r.status());
            rn.put("wait_ms", r.delay().toMillis());
            rn.put("retry_after", r.retryAfter());
        }
        verification(n, a.verification());
        if (a.refusal() != null) {
            ObjectNode g = n.putObject("refused");
            g.put("deletions", a.refusal().deletions());
            g.put("managed", a.refusal().managed());
            g.put("limit", a.refusal().limit());
            g.put("reason", a.refusal().reason());
        }
        return n;
    }
}
