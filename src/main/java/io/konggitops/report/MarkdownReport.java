package io.konggitops.report;

import io.konggitops.diff.Change;
import io.konggitops.diff.FieldChange;
import io.konggitops.diff.Plan;
import io.konggitops.kong.EntityType;
import io.konggitops.problem.Problem;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A pull-request comment: summary first, a table per kind, one collapsed {@code diff} block per kind, problems.
 * Capped at {@link #MAX_CHARS} (GitHub rejects comments over 65,535 characters): past the cap the per-kind blocks are
 * cut and the comment says where the full report is.
 */
final class MarkdownReport {
    static final int MAX_CHARS = 60_000;

    private MarkdownReport() {
    }

    static String render(RunReport r) {
        StringBuilder head = new StringBuilder();
        Plan.Summary s = r.plan().summary();
        head.append("### kong-gitops ").append(r.command()).append(": ")
                .append(r.drift() ? "drift found" : "in sync").append("\n\n");
        head.append('`').append(r.repo()).append("` @ `").append(r.commit()).append("` vs ");
        RunReport.KongInfo k = r.kong();
        head.append('`').append(k.address()).append('`');
        if (k.version() != null) {
            head.append(" (Kong ").append(k.version()).append(", ").append(k.database()).append(", ")
                    .append(k.routerFlavor()).append(')');
        }
        head.append("\n\n**").append(Reports.summaryLine(s)).append("**\n\n");
        Map<EntityType, List<Change>> byKind = new EnumMap<>(EntityType.class);
        for (Change c : r.plan().changes()) {
            byKind.computeIfAbsent(c.type(), t -> new java.util.ArrayList<>()).add(c);
        }
        if (!byKind.isEmpty()) {
            head.append("| kind | create | update | delete |\n|---|---:|---:|---:|\n");
            byKind.forEach((type, changes) -> head.append("| ").append(type.schemaName()).append(" | ")
                    .append(count(changes, "create")).append(" | ").append(count(changes, "update")).append(" | ")
                    .append(count(changes, "delete")).append(" |\n"));
            head.append('\n');
        }
        StringBuilder tail = new StringBuilder();
        problems(tail, r.problems());
        if (r.applied() != null) {
            boolean unproven = r.applied().verified().isPresent() && !r.applied().verified().get();
            tail.append(unproven ? "#### Apply: NOT CONVERGED\n\n```\n" : "#### Applied\n\n```\n").append(TextReport.appliedSection(r.applied())).append("```\n");
        }
        StringBuilder body = new StringBuilder();
        boolean truncated = false;
        for (Map.Entry<EntityType, List<Change>> e : byKind.entrySet()) {
            String block = block(e.getKey(), e.getValue());
            if (head.length() + body.length() + block.length() + tail.length() > MAX_CHARS - 300) {
                truncated = true;
                break;
            }
            body.append(block);
        }
        if (truncated) {
            body.append("\n> The change list is cut here to fit in one comment. The full report: run with "
                    + "`--report json --report-file` and keep it as a CI artifact, or read the job log.\n");
        }
        return head.append(body).append(tail).toString();
    }

    private static String block(EntityType type, List<Change> changes) {
        StringBuilder sb = new StringBuilder("<details><summary>").append(type.schemaName()).append(" (")
                .append(changes.size()).append(")</summary>\n\n```diff\n");
        for (Change c : changes) {
            char sym = switch (c.action()) {
                case CREATE -> '+';
                case UPDATE -> '!';
                case DELETE -> '-';
            };
            sb.append(sym).append(' ').append(Values.verb(c)).append(' ').append(c.label());
            String src = Values.source(c);
            if (!src.isEmpty()) sb.append("   # ").append(src);
            sb.append('\n');
            for (FieldChange f : c.fieldChanges()) {
                sb.append("-   ").append(f.path()).append(": ").append(Values.before(f)).append('\n');
                sb.append("+   ").append(f.path()).append(": ").append(Values.after(f)).append('\n');
            }
        }
        return sb.append("```\n\n</details>\n\n").toString();
    }

    private static void problems(StringBuilder sb, List<Problem> problems) {
        if (problems.isEmpty()) return;
        sb.append("#### Problems (").append(problems.size()).append(")\n\n| severity | where | object | message |\n")
                .append("|---|---|---|---|\n");
        Map<String, Integer> seen = new TreeMap<>();
        for (Problem p : problems) {
            String row = "| " + p.severity() + " | " + (p.origin() == null ? "" : "`" + p.origin() + "`") + " | "
                    + (p.object() == null ? "" : p.object()) + " | " + cell(p.message()
                    + (p.hint().isEmpty() ? "" : " — " + p.hint())) + " |\n";
            seen.merge(row, 1, Integer::sum);
            if (seen.get(row) == 1) sb.append(row);
        }
        sb.append('\n');
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private static long count(List<Change> changes, String verb) {
        return changes.stream().filter(c -> Values.verb(c).equals(verb)).count();
    }
}
