package io.konggitops.translate.ingress;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClass;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClassParametersReference;
import io.konggitops.problem.Severity;
import io.konggitops.source.ManifestObject;
import io.konggitops.source.Manifests;
import io.konggitops.translate.Diagnostics;

import java.util.Map;
import java.util.Optional;

/**
 * Which Ingresses belong to this controller class (kic-translation §1.1, KIC {@code store.ListIngressesV1}) and the
 * class's {@code IngressClassParameters}.
 */
final class IngressClassFilter {
    static final String KONG_CONTROLLER = "ingress-controllers.konghq.com/kong";
    static final String DEFAULT_CLASS_ANNOTATION = "ingressclass.kubernetes.io/is-default-class";

    /** {@code IngressClassParameters.spec}: both default false. */
    record ClassParameters(boolean enableLegacyRegexDetection, boolean serviceUpstream) {
        static final ClassParameters NONE = new ClassParameters(false, false);
    }

    private final String ingressClass;
    private final Optional<IngressClass> kongClass;

    IngressClassFilter(Manifests manifests, String ingressClass) {
        this.ingressClass = ingressClass;
        this.kongClass = manifests.ofType(IngressClass.class)
                .filter(c -> ingressClass.equals(c.getMetadata().getName()))
                .filter(c -> c.getSpec() != null && KONG_CONTROLLER.equals(c.getSpec().getController()))
                .findFirst();
    }

    /** True when the Ingress is ours; an Ingress of another class gets an INFO problem. */
    boolean accepts(ManifestObject mo, Diagnostics diag) {
        Ingress ing = (Ingress) mo.object();
        Map<String, String> anns = ing.getMetadata().getAnnotations();
        String annotation = anns == null ? null : anns.get(IngressAnnotations.INGRESS_CLASS);
        String spec = ing.getSpec() == null ? null : ing.getSpec().getIngressClassName();
        String which;
        String cls;
        if (annotation != null && !annotation.isEmpty()) {
            which = "annotation " + IngressAnnotations.INGRESS_CLASS;
            cls = annotation;
        } else if (spec != null) {
            which = "spec.ingressClassName";
            cls = spec;
        } else {
            if (isDefaultClass()) return true;
            diag.report(Severity.INFO, mo, "ignored: the Ingress has no class and IngressClass " + ingressClass
                            + " (controller " + KONG_CONTROLLER + ") is not marked as the default class",
                    "set spec.ingressClassName: " + ingressClass);
            return false;
        }
        if (ingressClass.equals(cls)) return true;
        diag.report(Severity.INFO, mo, "ignored: " + which + " is \"" + cls + "\", not \"" + ingressClass + "\"",
                "set spec.ingressClassName: " + ingressClass + " if Kong should route it");
        return false;
    }

    private boolean isDefaultClass() {
        return kongClass.map(c -> c.getMetadata().getAnnotations())
                .map(a -> "true".equals(a.get(DEFAULT_CLASS_ANNOTATION))).orElse(false);
    }

    /** The parameters the Kong IngressClass refers to, when that IngressClassParameters object is in the repo. */
    ClassParameters parameters(Manifests manifests) {
        if (kongClass.isEmpty() || kongClass.get().getSpec().getParameters() == null) return ClassParameters.NONE;
        IngressClassParametersReference ref = kongClass.get().getSpec().getParameters();
        if (!"IngressClassParameters".equals(ref.getKind())) return ClassParameters.NONE;
        String ns = ref.getNamespace() == null ? "" : ref.getNamespace();
        return manifests.ofKind("IngressClassParameters")
                .filter(o -> o.name().equals(ref.getName()) && (ns.isEmpty() || o.namespace().equals(ns)))
                .map(o -> o.object())
                .filter(GenericKubernetesResource.class::isInstance)
                .map(GenericKubernetesResource.class::cast)
                .findFirst()
                .map(IngressClassFilter::spec)
                .orElse(ClassParameters.NONE);
    }

    private static ClassParameters spec(GenericKubernetesResource r) {
        Object spec = r.getAdditionalProperties().get("spec");
        if (!(spec instanceof Map<?, ?> m)) return ClassParameters.NONE;
        return new ClassParameters(Boolean.TRUE.equals(m.get("enableLegacyRegexDetection")),
                Boolean.TRUE.equals(m.get("serviceUpstream")));
    }
}
