package io.konggitops.apply;

import io.konggitops.diff.DiffOptions;
import io.konggitops.diff.Differ;
import io.konggitops.diff.Plan;
import io.konggitops.diff.Schemas;
import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongAdmin;
import io.konggitops.kong.KongState;
import io.konggitops.kong.RouterFlavor;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test wiring: read Kong (the double, through the real {@code AdminClient}), diff, apply with a recording sleeper. */
public final class Kong {
    private Kong() {
    }

    public static KongState read(KongAdmin kong) {
        return kong.read(EnumSet.allOf(EntityType.class), List.of(DiffOptions.DEFAULT_SELECT_TAG));
    }

    public static Plan plan(KongState desired, KongAdmin kong) {
        return Differ.diff(desired, read(kong), Schemas.builtin(RouterFlavor.TRADITIONAL_COMPATIBLE),
                DiffOptions.defaults());
    }

    /** A sleeper that records what it was asked to wait and returns at once. */
    public static final class RecordingSleeper implements Sleeper {
        public final List<Duration> waits = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration d) {
            waits.add(d);
        }
    }

    public static ApplyOptions options(RecordingSleeper sleeper) {
        RetryPolicy fast = new RetryPolicy(4, Duration.ofMillis(100), 2.0, Duration.ofMillis(300), 0.0,
                Duration.ofSeconds(30));
        return ApplyOptions.defaults().withRetry(fast, sleeper);
    }

    public static ApplyResult sync(KongState desired, KongAdmin kong) {
        return Applier.apply(plan(desired, kong), kong, options(new RecordingSleeper()));
    }
}
