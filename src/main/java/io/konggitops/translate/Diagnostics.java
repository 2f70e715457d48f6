package io.konggitops.translate;

import io.konggitops.cluster.ClusterView;
import io.konggitops.problem.ObjectRef;
import io.konggitops.problem.Origin;
import io.konggitops.problem.Problem;
import io.konggitops.problem.Severity;
import io.konggitops.source.ManifestObject;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Collects the problems of one translation (KIC's failures collector). Objects seen through the {@link ClusterView}
 * get their origin from it; duplicates are reported once.
 */
public final class Diagnostics {
    private final ClusterView view;
    private final LinkedHashSet<Problem> problems = new LinkedHashSet<>();

    public Diagnostics(ClusterView view) {
        this.view = view;
    }

    public void report(Severity severity, ManifestObject object, String message, String hint) {
        problems.add(new Problem(severity, object.ref(), object.origin(), message, hint));
    }

    /** A problem about an object looked up through the cluster view (Service, Secret...). */
    public void reportCluster(Severity severity, String kind, String namespace, String name, String message,
                              String hint) {
        Origin origin = view.originOf(kind, namespace, name).orElse(null);
        problems.add(new Problem(severity, ObjectRef.of(kind, namespace, name), origin, message, hint));
    }

    /** A problem built elsewhere (e.g. from a Kong rule violation). */
    public void add(Problem problem) {
        problems.add(problem);
    }

    /** Where the cluster view saw an object, when it did. */
    public java.util.Optional<Origin> originOf(ObjectRef ref) {
        return view.originOf(ref.kind(), ref.namespace(), ref.name());
    }

    public List<Problem> problems() {
        return new ArrayList<>(problems);
    }
}
