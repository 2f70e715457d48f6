package io.konggitops.apply;

import io.konggitops.diff.Change;
import io.konggitops.kong.KongAdmin;
import io.konggitops.kong.KongApiException;
import io.konggitops.kong.KongEntity;
import io.konggitops.kong.kinds.WriteStrategy;

/**
 * Executes one {@link Change} as an idempotent step: PUT by id for creates and updates (full replace), DELETE by id
 * (Kong answers 204 for a missing entity; 404 counts as done too). Targets have no upsert: create is
 * {@code POST /upstreams/{u}/targets}, falling back to an update when the target already exists (409 for the same
 * target under another id; 400 "primary key violation" for our own id, e.g. a retried create that had succeeded), and
 * update is {@code PUT /upstreams/{u}/targets/{id}}, falling back to a create on 404.
 */
final class ChangeStep {
    /** Kong's {@code Errors.codes.PRIMARY_KEY_VIOLATION} ({@code kong/db/errors.lua}), answered with HTTP 400. */
    private static final int PRIMARY_KEY_VIOLATION = 3;

    private final KongAdmin admin;

    ChangeStep(KongAdmin admin) {
        this.admin = admin;
    }

    void run(Change c) {
        switch (c.action()) {
            case CREATE, UPDATE -> write(c);
            case DELETE -> delete(c);
        }
    }

    private void write(Change c) {
        KongEntity body = c.desired();
        if (c.type().spec().writeStrategy() == WriteStrategy.PUT_BY_ID) {
            admin.put(body);
            return;
        }
        String upstream = body.foreignKey(c.type().nestedUnder().orElseThrow());
        if (c.action() == io.konggitops.diff.Action.CREATE) {
            try {
                admin.createTarget(upstream, body);
            } catch (KongApiException e) {
                if (e.status() == 409) {
                    // Kong has this (upstream, target) under another id: update it in place
                    admin.updateTarget(upstream, body.string("target"), body);
                } else if (e.status() == 400 && Integer.valueOf(PRIMARY_KEY_VIOLATION).equals(e.code())) {
                    // our id exists already (an earlier create whose answer was lost, a re-run after a failure):
                    // Kong's postgres strategy answers 400 "primary key violation", not 409 (kong/db/errors.lua)
                    admin.updateTarget(upstream, body.id() != null ? body.id() : body.string("target"), body);
                } else {
                    throw e;
                }
            }
        } else {
            try {
                admin.updateTarget(upstream, c.id(), body);
            } catch (KongApiException e) {
                if (e.status() != 404) throw e;
                admin.createTarget(upstream, body);
            }
        }
    }

    private void delete(Change c) {
        String parent = c.type().nestedUnder().map(c.live()::foreignKey).orElse(null);
        try {
            admin.delete(c.type(), c.id(), parent);
        } catch (KongApiException e) {
            if (e.status() != 404) throw e;
        }
    }
}
