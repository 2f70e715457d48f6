package io.konggitops.kong.validation;

import io.konggitops.kong.EntityType;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.KongState;
import io.konggitops.kong.KongTarget;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Checks entities against Kong 3.x's own schema rules before anything is written, so that what the Admin API would
 * answer with a 400 is known offline: field types of {@code typedefs.lua}, the entity schemas and their checks, and the
 * router's compilation of routes into ATC expressions. One {@link EntityRules} per kind; kinds without rules pass.
 */
public final class KongValidator {
    private final Map<EntityType, EntityRules> rules = new EnumMap<>(EntityType.class);

    private KongValidator(Clock clock) {
        for (EntityRules r : List.of(new ServiceRules(), new RouteRules(), new UpstreamRules(), new TargetRules(),
                new CertificateRules(), new SniRules(), new CaCertificateRules(clock), new ConsumerRules(),
                new PluginRules())) {
            rules.put(r.type(), r);
        }
    }

    /** Every rule an entity of {@code state} breaks on the Kong described by {@code target}, in entity order. */
    public static List<Violation> validate(KongState state, KongTarget target) {
        return validate(state, target, Clock.systemUTC());
    }

    /** With the clock that decides whether a CA certificate has expired. */
    public static List<Violation> validate(KongState state, KongTarget target, Clock clock) {
        KongValidator v = new KongValidator(clock);
        List<Violation> out = new ArrayList<>();
        for (KongEntity e : state.entities()) {
            out.addAll(v.check(e, target));
        }
        return out;
    }

    /** The rules one entity breaks. */
    public static List<Violation> validate(KongEntity entity, KongTarget target) {
        return new KongValidator(Clock.systemUTC()).check(entity, target);
    }

    private List<Violation> check(KongEntity e, KongTarget target) {
        EntityRules r = rules.get(e.type());
        if (r == null) return List.of();
        Checks c = new Checks(e, target);
        r.check(c);
        return c.found();
    }
}
