package io.konggitops.translate.kongcrd;

import io.fabric8.kubernetes.api.model.networking.v1.IngressClass;
import io.konggitops.source.ManifestObject;
import io.konggitops.source.Manifests;

import java.util.Map;

/**
 * KIC's class rule for Kong CRDs that carry the {@code kubernetes.io/ingress.class} annotation (KongConsumer, global
 * KongClusterPlugin): the annotation must equal the controller class; an object without it counts only when the
 * IngressClass of that name is the cluster's default class ({@code ExactOrEmptyClassMatch}).
 */
final class IngressClassAnnotation {
    static final String KEY = "kubernetes.io/ingress.class";
    private static final String DEFAULT_CLASS = "ingressclass.kubernetes.io/is-default-class";

    private final String ingressClass;
    private final boolean defaultClass;

    IngressClassAnnotation(Manifests manifests, String ingressClass) {
        this.ingressClass = ingressClass;
        this.defaultClass = manifests.ofType(IngressClass.class)
                .filter(c -> ingressClass.equals(c.getMetadata().getName()))
                .anyMatch(c -> c.getMetadata().getAnnotations() != null
                        && "true".equals(c.getMetadata().getAnnotations().get(DEFAULT_CLASS)));
    }

    boolean accepts(ManifestObject mo) {
        Map<String, String> anns = mo.object().getMetadata().getAnnotations();
        String cls = anns == null ? null : anns.get(KEY);
        if (cls == null || cls.isEmpty()) return defaultClass;
        return ingressClass.equals(cls);
    }

    String ingressClass() {
        return ingressClass;
    }
}
