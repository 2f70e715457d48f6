package io.konggitops.apply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.konggitops.diff.Change;
import io.konggitops.diff.Differ;
import io.konggitops.diff.FieldChange;
import io.konggitops.diff.Plan;
import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongAdmin;
import io.konggitops.kong.KongApiException;
import io.konggitops.kong.KongState;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Proves an apply: re-reads the owned entities of the kinds the run wrote (one tag-filtered read, the same
 * {@link KongAdmin#read} the plan was made from; DB-less: every kind of the posted configuration) and diffs them with
 * the desired state again, with the plan's schemas and options. Whatever still differs, except the entities whose own
 * write failed or was skipped (already reported), did not converge: e.g. a Kong that answered 200 but kept the old
 * entity, or a merge write that left a field as it was.
 */
final class Verifier {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Verifier() {
    }

    /** The result with its verification; unchanged when nothing was written. */
    static ApplyResult verify(ApplyResult result, Plan plan, KongAdmin admin, ApplyOptions options) {
        ApplyOptions.Verify v = options.verify();
        if (v == null || result.applied().isEmpty()) return result;
        Set<EntityType> written = EnumSet.noneOf(EntityType.class);
        plan.changes().forEach(c -> written.add(c.type()));
        if (options.dbless()) plan.desired().entities().forEach(e -> written.add(e.type()));
        Set<EntityType> kinds = Differ.kindsToCompare(plan.desired(), written);

        List<ApplyResult.Retry> retries = new ArrayList<>();
        Retrier retrier = new Retrier(options.retry(), options.sleeper(), options.jitterSeed(), retries);
        KongState live;
        try {
            live = retrier.call("re-read after apply", () -> admin.read(kinds, v.diffOptions().selectTags()));
        } catch (KongApiException e) {
            return result.verifiedBy(new ApplyResult.Verification(List.of(),
                    "could not re-read Kong to verify the writes: " + DbModeRun.describe(e, null)), retries);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return result.verifiedBy(new ApplyResult.Verification(List.of(),
                    "interrupted before Kong was re-read to verify the writes"), retries);
        }
        KongState desired = new KongState(plan.desired().entities().stream()
                .filter(e -> kinds.contains(e.type())).toList());
        Plan again = Differ.diff(desired, live, v.schemas(), v.diffOptions());

        Set<String> reported = new HashSet<>();
        result.failed().stream().filter(f -> f.change() != null).forEach(f -> reported.add(entityKey(f.change())));
        result.skipped().forEach(s -> reported.add(entityKey(s.change())));
        // only the kinds re-read can be judged (a certificate's snis make the differ derive SNIs, which were not read)
        List<Change> unconverged = again.changes().stream().filter(c -> kinds.contains(c.type()))
                .filter(c -> !reported.contains(entityKey(c))).toList();
        return result.verifiedBy(new ApplyResult.Verification(unconverged, null), retries);
    }

    private static String entityKey(Change c) {
        return c.type().schemaName() + ":" + c.id();
    }

    /**
     * What still differs, per entity, without secret values: {@code routes shop.web.80: paths ["/drift"] (wanted
     * ["/"])}, {@code services shop.web.80: missing in Kong}, {@code routes old: still in Kong}.
     */
    static String describe(Change c) {
        String what = switch (c.action()) {
            case CREATE -> "missing in Kong";
            case DELETE -> "still in Kong, not desired";
            case UPDATE -> c.fieldChanges().stream().map(Verifier::field).collect(Collectors.joining(", "));
        };
        return c.label() + ": " + what;
    }

    private static String field(FieldChange f) {
        if (f.sensitive()) return f.path() + " differs (sensitive value)";
        return f.path() + " " + json(f.before()) + " (wanted " + json(f.after()) + ")";
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
