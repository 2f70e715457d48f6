package io.konggitops.e2e.cluster;

import io.konggitops.testing.k8s.Kubeconfigs;
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
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.konggitops.cli.Main;
import io.konggitops.testing.kong.KongDouble;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Shared parts of the end-to-end cluster tests: the CLI run in-process, kubeconfig files pointing at a fabric8 mock
 * server, Kubernetes objects built with fabric8's builders, and views of what the Kong double ended up with.
 */
final class ClusterE2e {
    private ClusterE2e() {
    }

    /** One finished {@code kong-gitops} run: exit code and what it printed. */
    record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    static Run cli(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * An environment with no kubeconfig and no in-cluster account: HOME is an empty directory, so only what the test
     * passes on the command line can point at a cluster.
     */
    static Map<String, String> isolatedEnv(Path emptyHome) {
        return Map.of("HOME", emptyHome.toString());
    }

    /**
     * A kubeconfig with one context per entry (name → API server URL), each with its own cluster and token user;
     * the current context is the first. TLS is not verified (the mock server has a self-signed certificate).
     */
    static Path kubeconfig(Path file, Map<String, String> contexts) {
        return Kubeconfigs.write(file, contexts);
    }

    static Path kubeconfig(Path file, String name, String url) {
        return kubeconfig(file, Map.of(name, url));
    }

    static Map<String, String> contexts(String... nameUrlPairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < nameUrlPairs.length; i += 2) out.put(nameUrlPairs[i], nameUrlPairs[i + 1]);
        return out;
    }

    /** A loopback port nothing listens on (bound, then released). */
    static int closedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every request the mock server recorded since the last call (the seeding included, so drain before a run). */
    static List<RecordedRequest> drain(KubernetesMockServer server) throws InterruptedException {
        List<RecordedRequest> out = new ArrayList<>();
        RecordedRequest r;
        while ((r = server.takeRequest(50, TimeUnit.MILLISECONDS)) != null) {
            out.add(r);
        }
        return out;
    }

    static String pathOnly(RecordedRequest r) {
        return r.getPath().replaceAll("\\?.*", "");
    }

    // ---- Kubernetes objects ----

    static Namespace namespace(String name, Map<String, String> labels) {
        return new NamespaceBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata().build();
    }

    static ServicePort port(String name, int port, IntOrString targetPort) {
        return new ServicePortBuilder().withName(name).withPort(port).withTargetPort(targetPort).withProtocol("TCP")
                .build();
    }

    static Service service(String ns, String name, Map<String, String> annotations, ServicePort... ports) {
        return new ServiceBuilder().withNewMetadata().withNamespace(ns).withName(name).withAnnotations(annotations)
                .endMetadata().withNewSpec().withSelector(Map.of("app", name)).withPorts(ports).endSpec().build();
    }

    static Endpoint endpoint(String address, Boolean ready, Boolean serving, Boolean terminating) {
        return new EndpointBuilder().withAddresses(address).withNewConditions().withReady(ready).withServing(serving)
                .withTerminating(terminating).endConditions().build();
    }

    static EndpointPort slicePort(String name, int port) {
        return new EndpointPortBuilder().withName(name).withPort(port).withProtocol("TCP").build();
    }

    static EndpointSlice slice(String ns, String name, String service, String addressType, List<EndpointPort> ports,
                               Endpoint... endpoints) {
        return new EndpointSliceBuilder().withNewMetadata().withNamespace(ns).withName(name)
                .withLabels(Map.of("kubernetes.io/service-name", service)).endMetadata()
                .withAddressType(addressType).withPorts(ports).withEndpoints(endpoints).build();
    }

    /** A TLS Secret holding a throwaway test pair from {@code src/test/resources/tls/}. */
    static Secret tlsSecret(String ns, String name, String pair) {
        return new SecretBuilder().withNewMetadata().withNamespace(ns).withName(name).endMetadata()
                .withType("kubernetes.io/tls")
                .withData(Map.of("tls.crt", base64(pem(pair + ".crt")), "tls.key", base64(pem(pair + ".key"))))
                .build();
    }

    static String pem(String resource) {
        try (InputStream in = ClusterE2e.class.getResourceAsStream("/tls/" + resource)) {
            if (in == null) throw new IllegalStateException("missing test resource /tls/" + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    // ---- what Kong ended up with ----

    /** Upstream name → sorted {@code "target weight"} strings, for every upstream in the double. */
    static Map<String, List<String>> targetsByUpstream(KongDouble kong) {
        Map<String, String> upstreamNames = new TreeMap<>();
        Map<String, List<String>> out = new TreeMap<>();
        for (ObjectNode u : kong.store().all("upstreams")) {
            upstreamNames.put(u.get("id").asText(), u.get("name").asText());
            out.put(u.get("name").asText(), new ArrayList<>());
        }
        for (ObjectNode t : kong.store().all("targets")) {
            String upstream = upstreamNames.get(t.get("upstream").get("id").asText());
            out.get(upstream).add(t.get("target").asText() + " weight " + t.get("weight").asInt());
        }
        out.replaceAll((k, v) -> List.copyOf(new TreeSet<>(v)));
        return out;
    }
}
