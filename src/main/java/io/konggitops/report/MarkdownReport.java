package io.konggitops.report;

import io.konggitops.apply.ApplyResult;
import io.konggitops.diff.Change;
import io.konggitops.diff.FieldChange;
import io.konggitops.diff.Plan;
import io.konggitops.kong.EntityType;
import io.konggitops.problem.Problem;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A pull-request comment: outcome and summary first, a table per kind, one collapsed {@code diff} block per kind, the
 * plan's warnings, the problems, what was applied. At most {@link #MAX_CHARS} characters (GitHub's limit for a
 * comment): when everything does not fit, the changes are listed in plan order as far as they fit, and each cut list
 * says how many entries it leaves out and where the full report is.
 */
final class MarkdownReport {
    /** GitHub refuses comments longer than this. */
    static final int MAX_CHARS = 65_535;
    /** Room kept for the notes that say a list was cut. */
    private static final int NOTES = 1_200;
    private static final String FULL = "the full report: `--report json --report-file FILE` (keep it as a CI "
            + "artifact) or the job log";

    private MarkdownReport() {
    }

    static String render(RunReport r) {
        String head = head(r) + gatewayRoutes(r);
        Map<EntityType, List<Change>> byKind = byKind(r);
        List<String> warnings = problemRows(r.plan() == null ? List.of() : r.plan().warnings());
        List<String> problems = problemRows(r.problems());
        List<String> applied = r.applied() == null ? List.of() : appliedLines(r.applied());
        int room = MAX_CHARS - head.length() - NOTES;
        // the secondary lists get up to a sixth of the room each; the changes get the rest
        int warningsRoom = Math.min(size(warnings), room / 6);
        int problemsRoom = Math.min(size(problems), room / 6);
        int appliedRoom = Math.min(size(applied), room / 6);
        StringBuilder out = new StringBuilder(head);
        int changesRoom = room - warningsRoom - problemsRoom - appliedRoom;
        Plan drift = r.pr() == null ? null : r.pr().kongDrift();
        String driftHead = drift == null ? "" : driftHead(r.pr(), drift);
        // a PR comment leads with the PR's own changes; the drift outside it gets up to a third of the room
        int driftRoom = drift == null ? 0 : Math.min(changesRoom / 3, driftHead.length() + size(byKind(drift)));
        changes(out, byKind, changesRoom - driftRoom);
        if (drift != null) {
            out.append(driftHead);
            changes(out, byKind(drift), driftRoom - driftHead.length());
        }
        table(out, "Warnings", warnings, warningsRoom);
        table(out, "Problems", problems, problemsRoom);
        if (!applied.isEmpty()) {
            boolean unproven = r.applied().verified().isPresent() && !r.applied().verified().get();
            out.append(unproven ? "#### Apply: NOT CONVERGED\n\n```\n" : "#### Applied\n\n```\n");
            int shown = fill(out, applied, appliedRoom);
            out.append("```\n");
            more(out, applied.size() - shown, "lines of the apply result");
        }
        return out.toString();
    }

    private static String head(RunReport r) {
        StringBuilder head = new StringBuilder();
        head.append("### kong-gitops ").append(r.command()).append(": ").append(r.pr() != null && r.plan() != null
                ? (r.plan().isEmpty() ? "this PR changes nothing in Kong" : "this PR changes Kong")
                : r.command().equals("validate") ? (r.outcome().status() == RunReport.Status.ERROR ? "errors"
                : "valid") : title(r.outcome().status()))
                .append("\n\n");
        head.append('`').append(r.repo()).append("` @ `").append(r.commit()).append('`');
        RunReport.KongInfo k = r.kong();
        if (k.address() != null || !r.command().equals("validate")) head.append(" vs `").append(k.address()).append('`');
        if (k.version() != null) {
            head.append(" (Kong ").append(k.version()).append(", ").append(k.database()).append(", ")
                    .append(k.routerFlavor()).append(')');
        }
        head.append("\n\n");
        if (!r.outcome().reason().isEmpty()) {
            head.append("> **").append(r.outcome().status().value()).append("**: ")
                    .append(r.outcome().reason().replace("\n", "\n> ")).append("\n\n");
        }
        if (r.plan() == null) {
            if (!r.command().equals("validate")) head.append("**No plan was made.**\n\n");
            return head.toString();
        }
        if (r.pr() != null) head.append("#### ").append(Reports.prTitle(r.pr())).append("\n\n");
        summary(head, r.plan());
        return head.toString();
    }

    /** The plan's summary line in bold and the table of changes per kind. */
    private static void summary(StringBuilder head, Plan plan) {
        head.append("**").append(Reports.summaryLine(plan.summary())).append("**\n\n");
        Map<EntityType, List<Change>> byKind = byKind(plan);
        if (!byKind.isEmpty()) {
            head.append("| kind | create | update | delete |\n|---|---:|---:|---:|\n");
            byKind.forEach((type, changes) -> head.append("| ").append(type.schemaName()).append(" | ")
                    .append(count(changes, "create")).append(" | ").append(count(changes, "update")).append(" | ")
                    .append(count(changes, "delete")).append(" |\n"));
            head.append('\n');
        }
    }

    /** At most this many route parents are listed; the rest are counted. */
    private static final int MAX_ROUTE_ROWS = 50;

    /**
     * The Gateway API route parents that are not Accepted or whose refs are not resolved, before the changes: a
     * route there is (partly) missing from Kong or answers 500 for some backends.
     */
    private static String gatewayRoutes(RunReport r) {
        if (r.gatewayStatus() == null) return "";
        List<String> rows = new ArrayList<>();
        for (io.konggitops.translate.gateway.status.RouteStatus route : r.gatewayStatus().routes()) {
            for (io.konggitops.translate.gateway.status.RouteParentStatus p : route.parents()) {
                for (io.konggitops.translate.gateway.status.Condition c : p.conditions()) {
                    if (c.holds() || !(c.type().equals("Accepted") || c.type().equals("ResolvedRefs"))) continue;
                    rows.add("| " + cell(route.kind() + " " + route.namespace() + "/" + route.name()) + " | "
                            + cell(GatewayStatusText.parent(p.parentRef())) + " | " + c.type() + "=" + c.status()
                            + " | " + cell(c.reason()) + " | " + cell(c.message()) + " |\n");
                }
            }
        }
        if (rows.isEmpty()) return "";
        StringBuilder sb = new StringBuilder("#### Gateway API routes not accepted or with unresolved references\n\n")
                .append("| route | parent | condition | reason | message |\n|---|---|---|---|---|\n");
        rows.stream().limit(MAX_ROUTE_ROWS).forEach(sb::append);
        sb.append('\n');
        if (rows.size() > MAX_ROUTE_ROWS) {
            sb.append("_").append(rows.size() - MAX_ROUTE_ROWS).append(" more not shown; ").append(FULL)
                    .append("._\n\n");
        }
        return sb.toString();
    }

    private static String driftHead(RunReport.PullRequest pr, Plan drift) {
        StringBuilder sb = new StringBuilder("#### ").append(Reports.driftTitle(pr)).append("\n\n");
        summary(sb, drift);
        return sb.toString();
    }

    /** The characters the change entries of {@code byKind} take, without the block frames. */
    private static int size(Map<EntityType, List<Change>> byKind) {
        int n = 0;
        for (List<Change> changes : byKind.values()) {
            n += 120;
            for (Change c : changes) n += entry(c).length();
        }
        return n;
    }

    private static String title(RunReport.Status status) {
        return switch (status) {
            case DRIFT -> "drift found";
            case IN_SYNC -> "in sync";
            default -> status.value();
        };
    }

    private static Map<EntityType, List<Change>> byKind(RunReport r) {
        return r.plan() == null ? new EnumMap<>(EntityType.class) : byKind(r.plan());
    }

    private static Map<EntityType, List<Change>> byKind(Plan plan) {
        Map<EntityType, List<Change>> byKind = new EnumMap<>(EntityType.class);
        for (Change c : plan.changes()) {
            byKind.computeIfAbsent(c.type(), t -> new ArrayList<>()).add(c);
        }
        return byKind;
    }

    /** One collapsed block per kind, in kind order, each change in plan order, until {@code room} is used up. */
    private static void changes(StringBuilder out, Map<EntityType, List<Change>> byKind, int room) {
        int total = byKind.values().stream().mapToInt(List::size).sum();
        int shown = 0;
        int used = 0;
        for (Map.Entry<EntityType, List<Change>> e : byKind.entrySet()) {
            List<Change> changes = e.getValue();
            String open = "<details><summary>" + e.getKey().schemaName() + " (" + changes.size() + ")</summary>\n\n"
                    + "```diff\n";
            String close = "```\n\n</details>\n\n";
            if (used + open.length() + close.length() >= room) break;
            StringBuilder block = new StringBuilder(open);
            int inBlock = 0;
            for (Change c : changes) {
                String entry = entry(c);
                if (used + block.length() + entry.length() + close.length() > room) break;
                block.append(entry);
                inBlock++;
            }
            if (inBlock == 0) break;
            if (inBlock < changes.size()) {
                block.append("# ... ").append(changes.size() - inBlock).append(" more ").append(e.getKey().schemaName())
                        .append(" change(s) not listed\n");
            }
            block.append(close);
            out.append(block);
            used += block.length();
            shown += inBlock;
            if (inBlock < changes.size()) break;
        }
        if (shown < total) {
            out.append("> ").append(shown).append(" of ").append(total).append(" changes are listed, ")
                    .append(total - shown).append(" left out to fit in one comment; ").append(FULL).append(".\n\n");
        }
    }

    private static String entry(Change c) {
        StringBuilder sb = new StringBuilder();
        char sym = switch (c.action()) {
            case CREATE -> '+';
            case UPDATE -> '!';
            case DELETE -> '-';
        };
        sb.append(sym).append(' ').append(Values.verb(c)).append(' ').append(c.label()).append(Values.codeMarker(c));
        String src = Values.source(c);
        if (!src.isEmpty()) sb.append("   # ").append(src);
        if (c.cause() != null) sb.append(src.isEmpty() ? "   # " : " · ").append("cause: ").append(c.cause().value());
        sb.append('\n');
        for (FieldChange f : c.fieldChanges()) {
            sb.append("-   ").append(f.path()).append(": ").append(Values.before(f)).append('\n');
            sb.append("+   ").append(f.path()).append(": ").append(Values.after(f)).append('\n');
        }
        return sb.toString();
    }

    /** Distinct table rows, in order. */
    private static List<String> problemRows(List<Problem> problems) {
        LinkedHashSet<String> rows = new LinkedHashSet<>();
        for (Problem p : problems) {
            rows.add("| " + p.severity() + " | " + (p.origin() == null ? "" : "`" + p.origin() + "`") + " | "
                    + (p.object() == null ? "" : cell(p.object().toString())) + " | " + cell(p.message()
                    + (p.hint().isEmpty() ? "" : " — " + p.hint())) + " |\n");
        }
        return List.copyOf(rows);
    }

    private static void table(StringBuilder out, String title, List<String> rows, int room) {
        if (rows.isEmpty()) return;
        out.append("#### ").append(title).append(" (").append(rows.size()).append(")\n\n")
                .append("| severity | where | object | message |\n|---|---|---|---|\n");
        int shown = fill(out, rows, room);
        out.append('\n');
        more(out, rows.size() - shown, title.toLowerCase(java.util.Locale.ROOT));
    }

    private static List<String> appliedLines(ApplyResult a) {
        return TextReport.appliedSection(a).lines().map(l -> l + "\n").toList();
    }

    /** Appends lines in order while they fit in {@code room}; returns how many it appended. */
    private static int fill(StringBuilder out, List<String> lines, int room) {
        int used = 0;
        int n = 0;
        for (String line : lines) {
            if (used + line.length() > room) break;
            out.append(line);
            used += line.length();
            n++;
        }
        return n;
    }

    private static void more(StringBuilder out, int left, String what) {
        if (left > 0) {
            out.append("> ").append(left).append(" more ").append(what).append(" left out to fit in one comment; ")
                    .append(FULL).append(".\n\n");
        }
    }

    private static int size(List<String> lines) {
        return lines.stream().mapToInt(String::length).sum();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private static long count(List<Change> changes, String verb) {
        return changes.stream().filter(c -> Values.verb(c).equals(verb)).count();
    }
}
