package io.konggitops.cluster;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPortBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;

import java.util.List;
import java.util.Map;

/**
 * Kubernetes objects for the cluster tests, built with fabric8's builders. Tests seed them with
 * {@code createOr(NonDeletingOperation::update)}: on a loaded machine the client may retry a slow POST, and the retry
 * must not fail with 409 Already Exists.
 */
final class ClusterFixtures {
    private ClusterFixtures() {
    }

    static Namespace namespace(String name, Map<String, String> labels) {
        return new NamespaceBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata().build();
    }

    static ServicePort port(String name, int port, IntOrString targetPort, String protocol) {
        return new ServicePortBuilder().withName(name).withPort(port).withTargetPort(targetPort)
                .withProtocol(protocol).build();
    }

    static Service service(String ns, String name, Map<String, String> annotations, ServicePort... ports) {
        return new ServiceBuilder().withNewMetadata().withNamespace(ns).withName(name).withAnnotations(annotations)
                .endMetadata().withNewSpec().withSelector(Map.of("app", name)).withPorts(ports).endSpec().build();
    }

    static Endpoint endpoint(String address, Boolean ready, Boolean serving, Boolean terminating) {
        return new EndpointBuilder().withAddresses(address).withNewConditions().withReady(ready).withServing(serving)
                .withTerminating(terminating).endConditions().build();
    }

    static EndpointPort slicePort(String name, int port, String protocol) {
        return new EndpointPortBuilder().withName(name).withPort(port).withProtocol(protocol).build();
    }

    static EndpointSlice slice(String ns, String name, String service, String addressType, List<EndpointPort> ports,
                               Endpoint... endpoints) {
        return new EndpointSliceBuilder().withNewMetadata().withNamespace(ns).withName(name)
                .withLabels(Map.of(KubernetesClusterView.SERVICE_NAME_LABEL, service)).endMetadata()
                .withAddressType(addressType).withPorts(ports).withEndpoints(endpoints).build();
    }

    static Secret tlsSecret(String ns, String name) {
        return new SecretBuilder().withNewMetadata().withNamespace(ns).withName(name).endMetadata()
                .withType("kubernetes.io/tls")
                .withData(Map.of("tls.crt", "Y2VydA==", "tls.key", "a2V5")).build();
    }
}
