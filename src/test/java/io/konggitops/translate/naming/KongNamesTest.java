package io.konggitops.translate.naming;

import io.konggitops.translate.upstream.PortDef;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KongNamesTest {

    @Test
    void serviceRouteAndHostNamesFollowKic() {
        PortDef p80 = PortDef.number(80);
        assertThat(KongNames.ingressService("foo-namespace", "foo-svc", p80)).isEqualTo("foo-namespace.foo-svc.80");
        assertThat(KongNames.serviceHost("foo-svc", "foo-namespace", p80)).isEqualTo("foo-svc.foo-namespace.80.svc");
        assertThat(KongNames.ingressRoute("foo-namespace", "foo", "foo-svc", "example.com", p80))
                .isEqualTo("foo-namespace.foo.foo-svc.example.com.80");
        assertThat(KongNames.defaultBackendRoute("bar-namespace", "ing")).isEqualTo("bar-namespace.ing");
    }

    @Test
    void emptyHostGivesTwoDotsAndWildcardBecomesUnderscore() {
        assertThat(KongNames.ingressRoute("default", "httpbin", "httpbin", "", PortDef.number(80)))
                .isEqualTo("default.httpbin.httpbin..80");
        assertThat(KongNames.ingressRoute("ns", "ing", "svc", "*.example.com", PortDef.number(80)))
                .isEqualTo("ns.ing.svc._.example.com.80");
    }

    @Test
    void portIsTheNumberTheNameOrImplicitPort() {
        assertThat(PortDef.number(8080).canonical()).isEqualTo("8080");
        assertThat(PortDef.name("http").canonical()).isEqualTo("http");
        assertThat(PortDef.implicit().canonical()).isEqualTo("implicitPort");
        assertThat(KongNames.serviceHost("foo-svc", "foo-namespace", PortDef.name("http")))
                .isEqualTo("foo-svc.foo-namespace.http.svc");
    }

    @Test
    void serviceDnsNameAppendsTheClusterDomainOnlyWhenSet() {
        assertThat(KongNames.serviceDnsName("web", "shop", "")).isEqualTo("web.shop.svc");
        assertThat(KongNames.serviceDnsName("web", "shop", "cluster.local")).isEqualTo("web.shop.svc.cluster.local");
    }
}
