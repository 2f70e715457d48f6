package io.konggitops.translate;

import io.konggitops.kong.KongTarget;

import java.util.Objects;

/**
 * Switches for one translation.
 *
 * @param ingressClass  the controller class ({@code --ingress-class}, default {@code kong})
 * @param selectTag     tag put on every entity we write ({@code --select-tag}, default {@code managed-by:kong-gitops})
 * @param target        Kong version, router flavor, DB mode
 * @param workspace     Kong workspace for ID generation ({@code ""} by default, as KIC)
 * @param clusterDomain appended to service-upstream DNS names when not empty (KIC {@code --cluster-domain})
 * @param drain         keep terminating endpoints at weight 0 (KIC {@code --enable-drain-support})
 */
public record TranslateOptions(String ingressClass, String selectTag, KongTarget target, String workspace,
                               String clusterDomain, boolean drain) {
    public static final String DEFAULT_INGRESS_CLASS = "kong";
    public static final String DEFAULT_SELECT_TAG = "managed-by:kong-gitops";

    public TranslateOptions {
        Objects.requireNonNull(ingressClass, "ingressClass");
        Objects.requireNonNull(target, "target");
        selectTag = selectTag == null ? "" : selectTag;
        workspace = workspace == null ? "" : workspace;
        clusterDomain = clusterDomain == null ? "" : clusterDomain;
    }

    public static TranslateOptions defaults() {
        return new TranslateOptions(DEFAULT_INGRESS_CLASS, DEFAULT_SELECT_TAG, KongTarget.DEFAULT, "", "", false);
    }

    public TranslateOptions withTarget(KongTarget t) {
        return new TranslateOptions(ingressClass, selectTag, t, workspace, clusterDomain, drain);
    }

    public TranslateOptions withSelectTag(String tag) {
        return new TranslateOptions(ingressClass, tag, target, workspace, clusterDomain, drain);
    }
}
