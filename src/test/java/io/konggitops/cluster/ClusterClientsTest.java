package io.konggitops.cluster;

import io.konggitops.testing.k8s.Kubeconfigs;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.konggitops.cluster.ClusterAccessException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.konggitops.cluster.ClusterFixtures.port;
import static io.konggitops.cluster.ClusterFixtures.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

/** Kubeconfig handling, context selection, and API servers that cannot answer. */
@EnableKubernetesMockClient(crud = true)
class ClusterClientsTest {
    KubernetesClient client;
    KubernetesMockServer server;

    @TempDir
    Path dir;

    private static final Duration SHORT = Duration.ofSeconds(2);

    /** A kubeconfig with a context per server; the current context is the first. */
    private Path kubeconfig(Map<String, String> contexts) {
        return Kubeconfigs.write(dir.resolve("kubeconfig"), contexts);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private ClusterOptions options(Path kubeconfig, String context) {
        return ClusterOptions.defaults().withKubeconfig(kubeconfig, context).withRequestTimeout(SHORT, 0);
    }

    @Test
    void theContextNamedOnTheCommandLineIsUsedNotTheCurrentOne() throws IOException {
        client.services().resource(service("shop", "web", Map.of(), port("http", 80, new IntOrString(8080), "TCP"))).createOr(NonDeletingOperation::update);
        int closed = closedPort();
        Path both = kubeconfigWith("broken", "https://127.0.0.1:" + closed, "mock",
                client.getConfiguration().getMasterUrl());

        KubernetesClusterView view = KubernetesClusterView.load(options(both, "mock"),
                ClusterQuery.of(List.of("shop"), List.of()));

        assertThat(view.service("shop", "web")).isPresent();
        assertThat(view.apiServer()).startsWith(client.getConfiguration().getMasterUrl().replaceAll("/$", ""));
        assertThat(ClusterClients.config(options(both, null)).getMasterUrl())
                .as("without --context the current context is used").contains(":" + closed);
    }

    private Path kubeconfigWith(String firstName, String firstUrl, String secondName, String secondUrl)
            throws IOException {
        Map<String, String> contexts = new LinkedHashMap<>();
        contexts.put(firstName, firstUrl);
        contexts.put(secondName, secondUrl);
        return kubeconfig(contexts);
    }

    @Test
    void anUnknownContextIsAConfigurationErrorListingTheAvailableOnes() throws IOException {
        Path file = kubeconfigWith("dev", "https://127.0.0.1:1", "prod", "https://127.0.0.1:2");

        assertThatThrownBy(() -> ClusterClients.config(options(file, "staging")))
                .isInstanceOf(ClusterAccessException.class)
                .hasMessageContaining("context \"staging\" not found in the kubeconfig " + file)
                .hasMessageContaining("available: dev, prod")
                .asInstanceOf(type(ClusterAccessException.class))
                .extracting(ClusterAccessException::reason).isEqualTo(Reason.CONFIGURATION);
    }

    @Test
    void aMissingKubeconfigFileIsAConfigurationError() {
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> ClusterClients.config(options(missing, null)))
                .isInstanceOf(ClusterAccessException.class)
                .hasMessageContaining("kubeconfig file " + missing + " does not exist");
    }

    @Test
    void anUnreachableApiServerFailsNamingItsUrl() throws IOException {
        String url = "https://127.0.0.1:" + closedPort();
        Path file = kubeconfig(Map.of("gone", url));

        assertThatThrownBy(() -> KubernetesClusterView.load(options(file, null),
                ClusterQuery.of(List.of("shop"), List.of())))
                .isInstanceOf(ClusterAccessException.class)
                .hasMessageContaining("cannot reach the API server " + url)
                .hasMessageContaining("list services in namespace shop")
                .asInstanceOf(type(ClusterAccessException.class))
                .extracting(ClusterAccessException::reason).isEqualTo(Reason.UNREACHABLE);
    }

    @Test
    void anApiServerThatNeverAnswersTimesOut() throws IOException {
        // the kernel completes the TCP handshake into the backlog, but nobody ever reads or answers
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + silent.getLocalPort();
            Path file = kubeconfig(Map.of("silent", url));
            ClusterOptions options = ClusterOptions.defaults().withKubeconfig(file, null)
                    .withRequestTimeout(Duration.ofMillis(500), 0);

            assertThatThrownBy(() -> KubernetesClusterView.load(options, ClusterQuery.of(List.of("shop"), List.of())))
                    .isInstanceOf(ClusterAccessException.class)
                    .hasMessageContaining("timed out after 500 ms waiting for the API server " + url)
                    .asInstanceOf(type(ClusterAccessException.class))
                    .extracting(ClusterAccessException::reason).isEqualTo(Reason.TIMEOUT);
        }
    }

    @Test
    void namespacesOptionIsParsedFromACommaList() {
        assertThat(ClusterOptions.parseNamespaces(" shop, pay,,shop ")).containsExactly("pay", "shop");
        assertThat(ClusterOptions.defaults().withNamespaces(Set.of("b", "a")).namespaces())
                .containsExactlyInAnyOrder("a", "b");
        assertThat(ClusterOptions.parseNamespaces(null)).isEmpty();
    }
}
