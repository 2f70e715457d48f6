package io.konggitops.translate.upstream;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TargetsTest {
    private static final ServicePort HTTP = new ServicePortBuilder().withName("http").withPort(80).build();

    private static Service service(ServicePort... ports) {
        return new ServiceBuilder().withNewMetadata().withName("web").withNamespace("shop").endMetadata()
                .withNewSpec().withPorts(ports).endSpec().build();
    }

    private static EndpointSlice slice(String portName, String protocol, int port) {
        return new EndpointSliceBuilder().withNewMetadata().withName("s").withNamespace("shop").endMetadata()
                .addNewPort().withName(portName).withProtocol(protocol).withPort(port).endPort()
                .addNewEndpoint().withAddresses("10.0.0.1").endEndpoint()
                .addNewEndpoint().withAddresses("fd00::2").withNewConditions().withReady(true).endConditions()
                .endEndpoint()
                .addNewEndpoint().withAddresses("10.0.0.3").withNewConditions().withReady(false).endConditions()
                .endEndpoint()
                .addNewEndpoint().withAddresses("10.0.0.4").withNewConditions().withReady(false).withTerminating(true)
                .endConditions().endEndpoint()
                .addNewEndpoint().withAddresses("10.0.0.1").endEndpoint()
                .build();
    }

    @Test
    void readyAndUnknownEndpointsBecomeTargetsWithIpv6InBracketsAndNoDuplicates() {
        assertThat(Targets.fromEndpointSlices(List.of(slice("http", "TCP", 8080)), service(HTTP), HTTP, false))
                .containsExactly(new TargetSpec("10.0.0.1:8080", null), new TargetSpec("[fd00::2]:8080", null));
    }

    @Test
    void terminatingEndpointsStayAtWeightZeroOnlyWithDrain() {
        assertThat(Targets.fromEndpointSlices(List.of(slice("http", "TCP", 8080)), service(HTTP), HTTP, true))
                .contains(new TargetSpec("10.0.0.4:8080", 0L))
                .doesNotContain(new TargetSpec("10.0.0.3:8080", 0L));
    }

    @Test
    void slicePortMustHaveTheServicePortNameAndOneOfTheServiceProtocols() {
        assertThat(Targets.fromEndpointSlices(List.of(slice("admin", "TCP", 9000)), service(HTTP), HTTP, false))
                .isEmpty();
        assertThat(Targets.fromEndpointSlices(List.of(slice("http", "UDP", 53)), service(HTTP), HTTP, false))
                .isEmpty();
        ServicePort dns = new ServicePortBuilder().withName("dns").withPort(53).withProtocol("UDP").build();
        assertThat(Targets.fromEndpointSlices(List.of(slice("http", "UDP", 53)), service(HTTP, dns), HTTP, false))
                .hasSize(2);
    }

    @Test
    void portResolverFindsByNumberNameTargetPortNameOrTheOnlyPort() {
        ServicePort metrics = new ServicePortBuilder().withName("metrics").withPort(9090)
                .withNewTargetPort("metrics-port").build();
        Service svc = service(HTTP, metrics);
        assertThat(PortResolver.find(svc, PortDef.number(9090))).contains(metrics);
        assertThat(PortResolver.find(svc, PortDef.name("http"))).contains(HTTP);
        assertThat(PortResolver.find(svc, PortDef.name("metrics-port"))).contains(metrics);
        assertThat(PortResolver.find(svc, PortDef.implicit())).isEmpty();
        assertThat(PortResolver.find(service(HTTP), PortDef.implicit())).contains(HTTP);
        assertThat(PortResolver.find(svc, PortDef.number(1))).isEmpty();
    }

    @Test
    void externalNameUsesTheRequestedNumberAndRefusesNames() {
        Service ext = new ServiceBuilder().withNewMetadata().withName("ext").withNamespace("shop").endMetadata()
                .withNewSpec().withType("ExternalName").withExternalName("httpbin.org").endSpec().build();
        ServicePort p = PortResolver.find(ext, PortDef.number(8443)).orElseThrow();
        assertThat(Targets.externalName(ext, p)).isEqualTo(new TargetSpec("httpbin.org:8443", null));
        assertThat(PortResolver.find(ext, PortDef.name("https"))).isEmpty();
    }

    @Test
    void serviceDnsTargetUsesTheServicePortAndClusterDomain() {
        assertThat(Targets.serviceDns(service(HTTP), HTTP, "")).isEqualTo(new TargetSpec("web.shop.svc:80", null));
        assertThat(Targets.serviceDns(service(HTTP), HTTP, "cluster.local").target())
                .isEqualTo("web.shop.svc.cluster.local:80");
    }
}
