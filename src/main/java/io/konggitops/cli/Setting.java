package io.konggitops.cli;

import io.konggitops.config.JobConfig;

import java.util.List;
import java.util.Set;

/**
 * One command-line setting: its flag, value label, help text, whether it is a plain switch, and the commands that
 * take it. The table in {@link #ALL} is the single source of the CLI's options and their environment twins.
 */
record Setting(String name, String label, String help, boolean isSwitch, Set<String> commands) {
    static final Set<String> ALL_COMMANDS = Set.of("render", "validate", "diff", "reconcile");
    static final Set<String> LIVE = Set.of("diff", "reconcile");

    String flag() {
        return "--" + name;
    }

    String env() {
        return JobConfig.envName(name);
    }

    private static Setting value(String name, String label, String help, Set<String> commands) {
        return new Setting(name, label, help, false, commands);
    }

    private static Setting flag(String name, String help, Set<String> commands) {
        return new Setting(name, null, help, true, commands);
    }

    static final List<Setting> ALL = List.of(
            value("repo", "URL|DIR", "Git repository (https://, ssh://, git@host:org/repo, file://) or local directory "
                    + "of manifests. Credentials: KONG_GITOPS_GIT_TOKEN or KONG_GITOPS_GIT_USERNAME/_PASSWORD "
                    + "(or *_FILE).", ALL_COMMANDS),
            value("ref", "REF", "Branch, tag or commit SHA (default: the remote's default branch).", ALL_COMMANDS),
            value("base-ref", "REF", "diff what a pull request changes: the desired state at REF (its base) against "
                    + "the head (--ref, or the directory as it is); no Kong needed. With --kong-admin-url, also the "
                    + "drift in Kong that is not from the PR.", Set.of("diff")),
            value("path", "DIR", "Subfolder of the repository to load (default: the root).", ALL_COMMANDS),
            value("git-ssh-key", "FILE", "Private key for ssh:// repositories.", ALL_COMMANDS),
            value("git-known-hosts", "FILE", "known_hosts for ssh:// repositories (host keys are always checked).",
                    ALL_COMMANDS),
            value("max-file-bytes", "N", "Refuse manifest files larger than this (default 10485760).", ALL_COMMANDS),
            value("endpoints", "MODE", "Where Services, EndpointSlices and Secrets come from: cluster, manifests, "
                    + "service-dns or auto (default: cluster when a kubeconfig or in-cluster account is found, "
                    + "else manifests).", ALL_COMMANDS),
            value("kubeconfig", "FILE", "kubeconfig file (default: KUBECONFIG, ~/.kube/config, in-cluster).",
                    ALL_COMMANDS),
            value("context", "NAME", "kubeconfig context.", ALL_COMMANDS),
            value("namespaces", "NS,NS", "Only read these namespaces from the cluster.", ALL_COMMANDS),
            value("cluster-timeout", "DURATION", "Timeout of one Kubernetes API request and of connecting, "
                    + "e.g. 30s, 500ms, 2m (default 30s).", ALL_COMMANDS),
            value("cluster-retries", "N", "Retries of a Kubernetes API request on connection errors and "
                    + "5xx/429, with backoff (default 3, 0 = none).", ALL_COMMANDS),
            value("ingress-class", "CLASS", "Ingress class to translate (default kong).", ALL_COMMANDS),
            value("select-tag", "TAG", "Tag put on and required of every managed Kong entity "
                    + "(default managed-by:kong-gitops).", ALL_COMMANDS),
            value("kong-version", "VERSION", "Kong version to translate for when no Kong is asked (default 3.9.1).",
                    ALL_COMMANDS),
            value("router-flavor", "FLAVOR", "traditional, traditional_compatible (default) or expressions, "
                    + "when no Kong is asked.", ALL_COMMANDS),
            value("db-mode", "MODE", "postgres (default) or off (DB-less), when no Kong is asked.", ALL_COMMANDS),
            value("cluster-domain", "DOMAIN", "Cluster domain appended to service DNS targets (default none).",
                    ALL_COMMANDS),
            flag("drain", "Keep terminating endpoints as targets with weight 0.", ALL_COMMANDS),
            value("deny-plugins", "NAME,NAME", "Plugins refused in the manifests (e.g. pre-function,post-function): "
                    + "each is an error problem and left out.", ALL_COMMANDS),
            value("kong-workspace", "NAME", "Kong workspace (Enterprise); also part of every generated ID.",
                    ALL_COMMANDS),
            value("on-invalid", "skip|fail", "skip (default): leave broken objects out and go on; fail: stop.",
                    ALL_COMMANDS),
            value("format", "yaml|json", "Output format of render (default yaml).", Set.of("render")),
            value("output", "FILE", "Write render output to FILE instead of stdout.", Set.of("render")),
            flag("include-secrets", "Include private keys and credentials in render output "
                    + "(default: replaced by a placeholder).", Set.of("render")),
            value("kong-admin-url", "URL", "Kong Admin API, http(s)://. Token: KONG_GITOPS_KONG_ADMIN_TOKEN "
                    + "(or _FILE).", LIVE),
            value("kong-state", "FILE", "diff against this decK file instead of a live Kong.", Set.of("diff")),
            value("kong-ca-cert", "FILE", "CA certificate (PEM) to verify the Admin API's TLS certificate.", LIVE),
            value("kong-client-cert", "FILE", "Client certificate (PEM) for mTLS to the Admin API.", LIVE),
            value("kong-client-key", "FILE", "Client key (PEM) for mTLS to the Admin API.", LIVE),
            flag("kong-tls-skip-verify", "Do not verify the Admin API's TLS certificate (unsafe).", LIVE),
            value("kong-admin-token-header", "NAME", "Header carrying the admin token (default Kong-Admin-Token).",
                    LIVE),
            value("kong-header", "NAME:VALUE", "Extra header for every Admin API request (repeatable).", LIVE),
            value("report", "text|markdown|json", "Report format (default text).", LIVE),
            value("report-file", "FILE", "Also write the report to FILE.", LIVE),
            value("parallelism", "N", "Concurrent Admin API writes within a level (default 10).",
                    Set.of("reconcile")),
            value("read-parallelism", "N", "Concurrent Admin API reads when reading Kong: the collections, and the "
                    + "targets of each upstream (default 10).", LIVE),
            value("max-deletions", "N|P%", "Refuse to delete more than N entities or P% of the managed ones "
                    + "(default 30% once 10 or more are managed).", Set.of("reconcile")),
            flag("allow-empty", "Allow deleting every managed entity when the desired state is empty.",
                    Set.of("reconcile")),
            flag("dry-run", "Plan and report, write nothing (same as diff).", Set.of("reconcile")),
            flag("dbless-replace-unowned", "DB-less Kong: let POST /config replace entities that do not carry the "
                    + "select tag (refused by default, exit 3).", Set.of("reconcile")),
            value("lock-name", "NAME", "Name of the coordination.k8s.io Lease held while writing, so that two runs "
                    + "never write at once (default kong-gitops).", Set.of("reconcile")),
            value("lock-namespace", "NS", "Namespace of the Lease (default: the pod's namespace in a cluster, "
                    + "else kong-gitops).", Set.of("reconcile")),
            value("lock-ttl", "DURATION", "How long the Lease stays valid without renewal; renewed every third of "
                    + "it while applying (default 60s).", Set.of("reconcile")),
            flag("no-lock", "Do not take the Lease (another run may write to the same Kong at the same time).",
                    Set.of("reconcile")),
            value("pushgateway-url", "URL", "Push run metrics (duration, changes, problems, drift, exit code, last "
                    + "success) to this Prometheus Pushgateway at the end of every run.", LIVE));
}
