package io.konggitops.apply;

import io.konggitops.diff.Plan;
import io.konggitops.kong.KongAdmin;
import io.konggitops.kong.KongApiException;
import io.konggitops.kong.deck.DeckWriter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The apply stage: checks the deletion guard (a refused plan writes nothing), then applies the plan. DB mode: entity
 * by entity in the plan's order ({@link DbModeRun}). DB-less: one {@code POST /config} with the whole desired
 * configuration, only when the plan has changes. Then, when {@link ApplyOptions#verify()} is set and anything was
 * written, Kong is re-read and diffed again ({@link Verifier}): the result says whether the writes converged.
 */
public final class Applier {
    private Applier() {
    }

    public static ApplyResult apply(Plan plan, KongAdmin admin, ApplyOptions options) {
        GuardVerdict verdict = options.guard().check(plan);
        if (!verdict.allowed()) return ApplyResult.refused(verdict, plan);
        if (plan.isEmpty()) return ApplyResult.nothingToDo();
        ApplyResult result = options.dbless() ? postConfig(plan, admin, options)
                : new DbModeRun(plan, admin, options).run();
        return Verifier.verify(result, plan, admin, options);
    }

    private static ApplyResult postConfig(Plan plan, KongAdmin admin, ApplyOptions options) {
        List<ApplyResult.Retry> retries = Collections.synchronizedList(new ArrayList<>());
        Retrier retrier = new Retrier(options.retry(), options.sleeper(), options.jitterSeed(), retries);
        // the same document `render --include-secrets --format json` prints: what KIC posts in DB-less mode
        String config = DeckWriter.write(plan.desired(), DeckWriter.Format.JSON, true);
        try {
            retrier.call("POST /config", () -> {
                admin.postConfig(config);
                return null;
            });
            return new ApplyResult(ApplyResult.Outcome.APPLIED, plan.changes(), List.of(), List.of(), retries, null);
        } catch (KongApiException e) {
            return configFailed(plan, retries, e, DbModeRun.describe(e, null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return configFailed(plan, retries, null, "interrupted");
        }
    }

    private static ApplyResult configFailed(Plan plan, List<ApplyResult.Retry> retries, KongApiException e,
                                            String message) {
        ApplyError err = new ApplyError("post-config", null, "declarative configuration", null, null,
                e == null ? 0 : e.status(), message, e);
        List<ApplyResult.Skipped> skipped = plan.changes().stream()
                .map(c -> new ApplyResult.Skipped(c, "POST /config failed")).toList();
        return new ApplyResult(ApplyResult.Outcome.FAILED, List.of(), List.of(new ApplyResult.Failure(null, err)),
                skipped, retries, null);
    }
}
