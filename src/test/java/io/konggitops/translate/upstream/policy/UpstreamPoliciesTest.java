package io.konggitops.translate.upstream.policy;

import io.fabric8.kubernetes.api.model.Service;
import io.konggitops.cluster.ManifestClusterView;
import io.konggitops.problem.Problem;
import io.konggitops.problem.Severity;
import io.konggitops.source.Manifests;
import io.konggitops.translate.Diagnostics;
import io.konggitops.translate.TestManifests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which upstream fields a group of Kubernetes Services (behind one Kong upstream) gets: KIC's consistency rule, the
 * precedence of KongUpstreamPolicy over the KongIngress upstream section, the Kong version gate for sticky sessions.
 */
class UpstreamPoliciesTest {
    @TempDir
    Path tmp;

    private static final String POLICIES = """
            apiVersion: configuration.konghq.com/v1beta1
            kind: KongUpstreamPolicy
            metadata: {name: hashing, namespace: shop}
            spec: {algorithm: consistent-hashing, hashOn: {input: ip}}
            ---
            apiVersion: configuration.konghq.com/v1beta1
            kind: KongUpstreamPolicy
            metadata: {name: fewer, namespace: shop}
            spec: {algorithm: least-connections}
            ---
            apiVersion: configuration.konghq.com/v1beta1
            kind: KongUpstreamPolicy
            metadata: {name: sticky, namespace: shop}
            spec: {algorithm: sticky-sessions, hashOn: {input: none}, stickySessions: {cookie: aff}}
            ---
            apiVersion: configuration.konghq.com/v1
            kind: KongIngress
            metadata: {name: old, namespace: shop}
            upstream: {algorithm: round-robin, slots: 300, host_header: old.internal}
            """;

    private Diagnostics diag;

    private UpstreamPolicies load(String extra, String kongVersion) {
        Manifests m = TestManifests.load(tmp, POLICIES + extra);
        diag = new Diagnostics(ManifestClusterView.endpoints(m));
        return new UpstreamPolicies(m, diag, kongVersion);
    }

    private static Service svc(String name, Map<String, String> annotations) {
        Service s = new Service();
        s.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(name).withNamespace("shop")
                .withAnnotations(annotations).build());
        return s;
    }

    @Test
    void servicesSharingAnUpstreamWithTheSamePolicyGetIt() {
        UpstreamPolicies p = load("", "3.9.1");
        Map<String, Object> f = p.fieldsFor(List.of(svc("a", Map.of(UpstreamPolicies.POLICY_ANNOTATION, "hashing")),
                svc("b", Map.of(UpstreamPolicies.POLICY_ANNOTATION, "hashing"))), null);
        assertThat(f).containsEntry("algorithm", "consistent-hashing").containsEntry("hash_on", "ip");
        assertThat(diag.problems()).isEmpty();
    }

    @Test
    void servicesSharingAnUpstreamWithDifferentPoliciesGetNoneAndEachAnError() {
        UpstreamPolicies p = load("", "3.9.1");
        Map<String, Object> f = p.fieldsFor(List.of(svc("a", Map.of(UpstreamPolicies.POLICY_ANNOTATION, "hashing")),
                svc("b", Map.of(UpstreamPolicies.POLICY_ANNOTATION, "fewer"))), null);
        assertThat(f).isEmpty();
        assertThat(diag.problems()).hasSize(2).allSatisfy(pr -> {
            assertThat(pr.severity()).isEqualTo(Severity.ERROR);
            assertThat(pr.message()).contains("inconsistent KongUpstreamPolicy configuration for services "
                    + "shop/a, shop/b");
        });
        assertThat(diag.problems()).extracting(pr -> pr.object().name()).containsExactly("a", "b");
    }

    @Test
    void aPolicyOnOnlyOneOfTheServicesIsInconsistentToo() {
        UpstreamPolicies p = load("", "3.9.1");
        Map<String, Object> f = p.fieldsFor(List.of(svc("a", Map.of(UpstreamPolicies.POLICY_ANNOTATION, "hashing")),
                svc("b", Map.of())), null);
        assertThat(f).isEmpty();
        assertThat(diag.problems()).extracting(Problem::message).allMatch(m -> m.contains("inconsistent"));
    }

    @Test
    void thePolicyWinsOverTheKongIngressUpstreamSectionWhichStillFillsTheRest() {
        UpstreamPolicies p = load("", "3.9.1");
        Map<String, Object> f = p.fieldsFor(List.of(svc("a", Map.of(UpstreamPolicies.POLICY_ANNOTATION, "fewer",
                UpstreamPolicies.OVERRIDE_ANNOTATION, "old"))), null);
        assertThat(f).containsEntry("algorithm", "least-connections").containsEntry("slots", 300)
                .containsEntry("host_header", "old.internal");
        assertThat(diag.problems()).singleElement().satisfies(pr -> {
            assertThat(pr.severity()).isEqualTo(Severity.WARNING);
            assertThat(pr.message()).contains("settings from the KongUpstreamPolicy take precedence");
        });
    }

    @Test
    void theHostHeaderAnnotationOverridesTheKongIngressHostHeader() {
        UpstreamPolicies p = load("", "3.9.1");
        Map<String, Object> f = p.fieldsFor(List.of(svc("a", Map.of(UpstreamPolicies.OVERRIDE_ANNOTATION, "old"))),
                "new.internal");
        assertThat(f).containsEntry("host_header", "new.internal").containsEntry("slots", 300);
        assertThat(diag.problems()).singleElement()
                .satisfies(pr -> assertThat(pr.message()).contains("deprecated konghq.com/override"));
    }

    @Test
    void stickySessionsBeforeKong311AreAnErrorAndThePolicyIsNotApplied() {
        UpstreamPolicies p = load("", "3.10.0");
        Map<String, Object> f = p.fieldsFor(List.of(svc("a", Map.of(UpstreamPolicies.POLICY_ANNOTATION, "sticky"))),
                null);
        assertThat(f).isEmpty();
        assertThat(diag.problems()).singleElement().satisfies(pr -> {
            assertThat(pr.isError()).isTrue();
            assertThat(pr.message()).contains("not supported with Kong Gateway versions < 3.11.0");
        });
    }

    @Test
    void stickySessionsFromKong311AreApplied() {
        UpstreamPolicies p = load("", "3.11.0.0");
        Map<String, Object> f = p.fieldsFor(List.of(svc("a", Map.of(UpstreamPolicies.POLICY_ANNOTATION, "sticky"))),
                null);
        assertThat(f).containsEntry("algorithm", "sticky-sessions").containsEntry("sticky_sessions_cookie", "aff");
        assertThat(diag.problems()).isEmpty();
    }

    @Test
    void aPolicyWithAWrongFieldTypeIsAnErrorOnThePolicyWithItsFileAndLine() {
        UpstreamPolicies p = load("""
                ---
                apiVersion: configuration.konghq.com/v1beta1
                kind: KongUpstreamPolicy
                metadata: {name: typo, namespace: shop}
                spec: {slots: many}
                """, "3.9.1");
        Map<String, Object> f = p.fieldsFor(List.of(svc("a", Map.of(UpstreamPolicies.POLICY_ANNOTATION, "typo"))),
                null);
        assertThat(f).isEmpty();
        assertThat(diag.problems()).anySatisfy(pr -> {
            assertThat(pr.isError()).isTrue();
            assertThat(pr.object().kind()).isEqualTo("KongUpstreamPolicy");
            assertThat(pr.origin().toString()).isEqualTo("in.yaml:21");
            assertThat(pr.message()).contains("spec cannot be read");
        });
        assertThat(diag.problems()).anySatisfy(pr -> assertThat(pr.message()).contains("is invalid and not applied"));
    }
}
