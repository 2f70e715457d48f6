package io.konggitops.cli;

import io.konggitops.cluster.ClusterOptions;
import io.konggitops.cluster.ClusterView;
import io.konggitops.cluster.MergedClusterView;
import io.konggitops.cluster.ManifestClusterView;
import io.konggitops.config.EndpointsMode;
import io.konggitops.config.JobConfig;
import io.konggitops.config.Secrets;
import io.konggitops.kong.AdminClient;
import io.konggitops.kong.AdminClientOptions;
import io.konggitops.kong.KongAdmin;
import io.konggitops.kong.KongTarget;
import io.konggitops.problem.KongGitopsException;
import io.konggitops.problem.Problem;
import io.konggitops.source.GitCredentials;
import io.konggitops.source.ManifestSource;
import io.konggitops.source.Manifests;
import io.konggitops.source.SourceSpec;
import io.konggitops.translate.TranslateOptions;
import io.konggitops.translate.Translation;
import io.konggitops.translate.Translator;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds each stage's input from the {@link JobConfig} and runs the stages up to the desired Kong state. */
final class Pipeline {
    /** A run cannot go on; the message says why and what to do. */
    static final class StopException extends KongGitopsException {
        StopException(String message) {
            super(message);
        }
    }

    /**
     * The desired state and every problem met on the way. {@code loadFailed}: some manifest could not be loaded, so
     * entities may be missing for that reason alone. {@code stop}: {@code --on-invalid=fail} and there are errors.
     */
    record Desired(String commit, Translation translation, List<Problem> problems, boolean loadFailed,
                   boolean stop) {
    }

    /** The secret setting holding the Kong admin token (or {@code _FILE}). */
    static final String ADMIN_TOKEN = "KONG_GITOPS_KONG_ADMIN_TOKEN";

    private final JobConfig config;
    private final Map<String, String> env;
    private final PrintStream err;

    Pipeline(JobConfig config, Map<String, String> env, PrintStream err) {
        this.config = config;
        this.env = env;
        this.err = err;
    }

    /** The Kong to translate for when none is asked: from --kong-version, --router-flavor, --db-mode. */
    KongTarget flagTarget() {
        JobConfig.Translation t = config.translation();
        return new KongTarget(t.kongVersion(), t.routerFlavor(), t.dbless());
    }

    /** What the repository and the cluster say, before any translation (and before Kong is asked anything). */
    record Resolved(Manifests manifests, ClusterView view) {
    }

    /** load → resolve: stops (with an exception) before Kong is contacted when Git or the cluster fail. */
    Resolved resolve() {
        Manifests manifests = ManifestSource.load(sourceSpec());
        return new Resolved(manifests, clusterView(manifests));
    }

    Desired desired(KongTarget target) {
        supported(target, "--router-flavor");
        return desired(resolve(), target);
    }

    Desired desired(Resolved resolved, KongTarget target) {
        return desired(resolved, target, null);
    }

    /** {@code availablePlugins}: the live Kong's {@code plugins.available_on_server}, null when not known. */
    Desired desired(Resolved resolved, KongTarget target, java.util.Set<String> availablePlugins) {
        supported(target, "Kong's router_flavor (GET / of " + config.kong().adminUrl() + ")");
        Manifests manifests = resolved.manifests();
        ClusterView view = resolved.view();
        JobConfig.Translation t = config.translation();
        TranslateOptions options = new TranslateOptions(t.ingressClass(), t.selectTag(), target, t.workspace(),
                t.clusterDomain(), t.drain());
        Translation translation = io.konggitops.translate.PluginPolicy.apply(
                Translator.translate(manifests, view, options), availablePlugins,
                java.util.Set.copyOf(t.denyPlugins()));
        List<Problem> problems = new ArrayList<>(manifests.problems());
        problems.addAll(view.problems());
        problems.addAll(translation.problems());
        boolean loadFailed = manifests.problems().stream().anyMatch(Problem::isError);
        boolean stop = config.sync().onInvalid().equals("fail") && problems.stream().anyMatch(Problem::isError);
        return new Desired(manifests.commit(), translation, problems, loadFailed, stop);
    }

    /**
     * Expression routes are not translated yet: a run for that router flavor stops before anything is rendered,
     * planned or written, instead of producing an empty configuration (which reconcile would apply as deletions).
     */
    private static void supported(KongTarget target, String from) {
        if (target.routerFlavor().expressions()) {
            throw new StopException("router flavor expressions (from " + from + ") is not supported yet: kong-gitops "
                    + "translates for traditional and traditional_compatible only, so nothing was rendered, planned "
                    + "or written. Run Kong with router_flavor = traditional_compatible (the default) or traditional.");
        }
    }

    SourceSpec sourceSpec() {
        JobConfig.Source s = config.source();
        return new SourceSpec(s.repo(), s.ref(), s.path(), GitCredentials.fromEnvironment(env), s.sshKey(),
                s.knownHosts(), s.maxFileBytes());
    }

    /** The run reads the cluster: {@code --endpoints cluster}, or {@code auto} with a cluster configured. */
    boolean usesCluster() {
        EndpointsMode mode = config.translation().endpoints();
        return mode == EndpointsMode.CLUSTER || mode == EndpointsMode.AUTO && clusterConfigured();
    }

    ClusterOptions clusterOptions() {
        JobConfig.Cluster c = config.cluster();
        return new ClusterOptions(c.kubeconfig(), c.context(), new java.util.TreeSet<>(c.namespaces()),
                c.requestTimeout(), c.retries());
    }

    ClusterView clusterView(Manifests manifests) {
        EndpointsMode mode = config.translation().endpoints();
        if (mode == EndpointsMode.AUTO) {
            mode = usesCluster() ? EndpointsMode.CLUSTER : EndpointsMode.MANIFESTS;
        }
        return switch (mode) {
            case MANIFESTS, AUTO -> ManifestClusterView.endpoints(manifests);
            case SERVICE_DNS -> ManifestClusterView.serviceDns(manifests);
            case CLUSTER -> MergedClusterView.load(manifests, clusterOptions());
        };
    }

    /**
     * {@code --endpoints auto}: use the cluster when one is configured — {@code --kubeconfig}, {@code KUBECONFIG},
     * {@code ~/.kube/config}, or the service account of a pod ({@code KUBERNETES_SERVICE_HOST}).
     */
    private boolean clusterConfigured() {
        if (config.cluster().kubeconfig() != null || env.get("KUBERNETES_SERVICE_HOST") != null) {
            return true;
        }
        String kubeconfig = env.get("KUBECONFIG");
        if (kubeconfig != null && !kubeconfig.isBlank()) {
            return true;
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return home != null && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(home, ".kube", "config"));
    }

    KongAdmin admin() {
        JobConfig.Kong k = config.kong();
        if (k.adminUrl() == null) {
            throw new StopException("--kong-admin-url (or KONG_GITOPS_KONG_ADMIN_URL) is required; "
                    + "to diff offline use diff --kong-state FILE");
        }
        AdminClientOptions.Builder options = AdminClientOptions.builder(k.adminUrl())
                .caCert(k.caCert()).clientCertificate(k.clientCert(), k.clientKey())
                .tlsSkipVerify(k.tlsSkipVerify())
                .adminToken(Secrets.fromEnv(env, ADMIN_TOKEN))
                .tokenHeader(k.tokenHeader())
                .workspace(k.workspace())
                .readParallelism(k.readParallelism())
                // a connection for every write in flight (--parallelism may exceed the pool's default)
                .maxConnectionsPerRoute(Math.max(AdminClientOptions.DEFAULT_MAX_CONNECTIONS_PER_ROUTE,
                        config.sync().parallelism()));
        AdminClientOptions.parseHeaders(k.headers()).forEach(options::header);
        if (k.tlsSkipVerify()) {
            err.println("kong-gitops: warning: --kong-tls-skip-verify: the Admin API's certificate is not checked");
        }
        return new AdminClient(options.build());
    }
}
