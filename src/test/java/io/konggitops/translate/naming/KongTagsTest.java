package io.konggitops.translate.naming;

import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KongTagsTest {

    @Test
    void tagsComeInKicOrderWithGroupOnlyForNonCoreKinds() {
        var ing = new IngressBuilder().withApiVersion("networking.k8s.io/v1").withKind("Ingress")
                .withNewMetadata().withName("foo").withNamespace("ns").withUid("u-1").endMetadata().build();
        assertThat(KongTags.forObject(ing)).containsExactly("k8s-name:foo", "k8s-namespace:ns", "k8s-kind:Ingress",
                "k8s-uid:u-1", "k8s-group:networking.k8s.io", "k8s-version:v1");
        var svc = new ServiceBuilder().withApiVersion("v1").withKind("Service")
                .withNewMetadata().withName("web").withNamespace("ns").endMetadata().build();
        assertThat(KongTags.forObject(svc))
                .containsExactly("k8s-name:web", "k8s-namespace:ns", "k8s-kind:Service", "k8s-version:v1");
    }

    @Test
    void userTagsAreAppendedOnceInAnnotationOrder() {
        var svc = new ServiceBuilder().withApiVersion("v1").withKind("Service")
                .withNewMetadata().withName("web").withNamespace("ns")
                .addToAnnotations("konghq.com/tags", "b, a,b,,k8s-name:web").endMetadata().build();
        assertThat(KongTags.forObject(svc)).containsExactly("k8s-name:web", "k8s-namespace:ns", "k8s-kind:Service",
                "k8s-version:v1", "b", "a");
    }

    @Test
    void selectTagGoesLastAndOnlyOnce() {
        assertThat(KongTags.withSelectTag(List.of("a"), "managed-by:kong-gitops"))
                .containsExactly("a", "managed-by:kong-gitops");
        assertThat(KongTags.withSelectTag(List.of("managed-by:kong-gitops"), "managed-by:kong-gitops"))
                .containsExactly("managed-by:kong-gitops");
        assertThat(KongTags.withSelectTag(List.of("a"), "")).containsExactly("a");
    }
}
