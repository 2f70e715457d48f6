package io.konggitops.cluster;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.nio.file.Files;
import java.util.List;
import java.util.Objects;

/**
 * Builds the fabric8 client for {@code --endpoints cluster}. All kubeconfig handling is fabric8's: {@code --kubeconfig}
 * goes to {@link Config#fromKubeconfig(String, java.io.File)}; otherwise {@link Config#autoConfigure(String)} reads
 * {@code KUBECONFIG} / {@code ~/.kube/config} or, inside a pod, the mounted service account. Building a client makes
 * no API call.
 */
public final class ClusterClients {
    private ClusterClients() {
    }

    /** A client for the options; the caller closes it. */
    public static KubernetesClient create(ClusterOptions options) {
        return new KubernetesClientBuilder().withConfig(config(options)).build();
    }

    /** The fabric8 configuration for the options (context checked, timeouts and retries applied). */
    public static Config config(ClusterOptions options) {
        Objects.requireNonNull(options, "options");
        Config config;
        try {
            if (options.kubeconfig() != null) {
                if (!Files.isRegularFile(options.kubeconfig())) {
                    throw configError("kubeconfig file " + options.kubeconfig() + " does not exist or is not a file",
                            null);
                }
                config = Config.fromKubeconfig(options.context(), options.kubeconfig().toFile());
            } else {
                config = Config.autoConfigure(options.context());
            }
        } catch (KubernetesClientException | IllegalArgumentException | IllegalStateException e) {
            throw configError("cannot load the Kubernetes configuration"
                    + (options.kubeconfig() == null ? "" : " from " + options.kubeconfig()) + ": " + e.getMessage(), e);
        }
        checkContext(options, config);
        int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, options.requestTimeout().toMillis());
        config.setRequestTimeout(timeoutMillis);
        config.setConnectionTimeout(timeoutMillis);
        config.setRequestRetryBackoffLimit(options.retries());
        return config;
    }

    private static void checkContext(ClusterOptions options, Config config) {
        if (options.context() == null) {
            return;
        }
        List<NamedContext> contexts = config.getContexts() == null ? List.of() : config.getContexts();
        boolean known = contexts.stream().anyMatch(c -> options.context().equals(c.getName()));
        NamedContext current = config.getCurrentContext();
        if (!known || current == null || !options.context().equals(current.getName())) {
            List<String> names = contexts.stream().map(NamedContext::getName).sorted().toList();
            throw configError("context \"" + options.context() + "\" not found in the kubeconfig"
                    + (options.kubeconfig() == null ? "" : " " + options.kubeconfig())
                    + (names.isEmpty() ? " (it has no contexts)" : "; available: " + String.join(", ", names)), null);
        }
    }

    private static ClusterAccessException configError(String message, Throwable cause) {
        return new ClusterAccessException(ClusterAccessException.Reason.CONFIGURATION, "", message, cause);
    }
}
