package io.konggitops.translate.ingress;

/** Annotation keys read from Ingresses that are not route fields. */
final class IngressAnnotations {
    static final String INGRESS_CLASS = "kubernetes.io/ingress.class";
    static final String REGEX_PREFIX = "konghq.com/regex-prefix";
    static final String OVERRIDE = "konghq.com/override";
    static final String REWRITE = "konghq.com/rewrite";

    private IngressAnnotations() {
    }
}
