package io.konggitops.config;

import io.konggitops.kong.RouterFlavor;
import io.konggitops.problem.KongGitopsException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one run needs, from flags, {@code KONG_GITOPS_*} environment variables and an optional config file
 * (flags win over the environment, which wins over the file). Built by {@link Builder}, whose {@link Builder#build()}
 * reports every bad setting at once. Secret values (Git and Kong credentials) are not here: they are read from the
 * environment where they are used, so this record can be logged.
 */
public record JobConfig(
        Source source,
        Translation translation,
        Kong kong,
        Cluster cluster,
        Output output,
        Sync sync,
        Lock lock,
        Metrics metrics) {

    /** Git repository or directory. */
    public record Source(String repo, String ref, String path, Path sshKey, Path knownHosts, long maxFileBytes,
                         String baseRef) {
        /** Without a base ref (not a {@code diff --base-ref} run). */
        public Source(String repo, String ref, String path, Path sshKey, Path knownHosts, long maxFileBytes) {
            this(repo, ref, path, sshKey, knownHosts, maxFileBytes, null);
        }
    }

    /** How manifests become Kong entities. */
    public record Translation(String ingressClass, String selectTag, String kongVersion, RouterFlavor routerFlavor,
                              boolean dbless, String workspace, String clusterDomain, boolean drain,
                              EndpointsMode endpoints, List<String> denyPlugins) {
        public Translation {
            denyPlugins = denyPlugins == null ? List.of() : List.copyOf(denyPlugins);
        }
    }

    /**
     * The Kong Admin API (or a decK file standing for it). {@code readParallelism}: Admin API reads in flight at once
     * when the live state is read (diff, reconcile and its verification).
     */
    public record Kong(String adminUrl, Path kongState, Path caCert, Path clientCert, Path clientKey,
                       boolean tlsSkipVerify, String tokenHeader, List<String> headers, String workspace,
                       int readParallelism) {
    }

    /**
     * The Kubernetes API: kubeconfig, context, {@code --namespaces}, the timeout of one request (also the connect
     * timeout) and how often a request is retried on connection errors and 5xx/429.
     */
    public record Cluster(Path kubeconfig, String context, List<String> namespaces, Duration requestTimeout,
                          int retries) {
    }

    /** Where and how results are written. */
    public record Output(String format, Path outputFile, boolean includeSecrets, String report, Path reportFile) {
    }

    /** Reconcile behaviour. */
    /**
     * Reconcile behaviour. {@code dblessReplaceUnowned}: in DB-less mode {@code POST /config} replaces the whole
     * configuration, so entities without the select tag would be deleted; that is refused unless this is set.
     */
    public record Sync(int parallelism, String maxDeletions, boolean allowEmpty, boolean dryRun, String onInvalid,
                       boolean dblessReplaceUnowned) {
    }

    /**
     * {@code reconcile}'s Lease (one writer at a time): off with {@code --no-lock}; {@code namespace} null = the pod's
     * namespace in a cluster, else {@code kong-gitops}.
     */
    public record Lock(boolean enabled, String name, String namespace, Duration ttl) {
    }

    /** {@code --pushgateway-url}: where run metrics are pushed at the end of every run; null = none. */
    public record Metrics(String pushgatewayUrl) {
    }

    /** Thrown by {@link Builder#build()} with every bad setting, one per line. */
    public static final class InvalidConfigException extends KongGitopsException {
        private final List<String> errors;

        public InvalidConfigException(List<String> errors) {
            super("invalid settings:\n  - " + String.join("\n  - ", errors));
            this.errors = List.copyOf(errors);
        }

        public List<String> errors() {
            return errors;
        }
    }

    /** Every setting name (the long flag without dashes); its environment twin is {@link #envName(String)}. */
    public static final List<String> SETTINGS = List.of(
            "repo", "ref", "path", "git-ssh-key", "git-known-hosts", "max-file-bytes",
            "ingress-class", "select-tag", "kong-version", "router-flavor", "db-mode", "cluster-domain", "drain",
            "endpoints", "kong-admin-url", "kong-state", "kong-ca-cert", "kong-client-cert", "kong-client-key",
            "kong-tls-skip-verify", "kong-admin-token-header", "kong-header", "kong-workspace",
            "kubeconfig", "context", "namespaces", "cluster-timeout", "cluster-retries", "format", "output",
            "include-secrets", "report", "report-file", "parallelism", "read-parallelism", "max-deletions",
            "allow-empty", "dry-run", "on-invalid", "dbless-replace-unowned", "lock-name", "lock-namespace", "lock-ttl",
            "no-lock", "pushgateway-url", "base-ref", "deny-plugins");

    /** {@code kong-admin-url} → {@code KONG_GITOPS_KONG_ADMIN_URL}. */
    public static String envName(String setting) {
        return "KONG_GITOPS_" + setting.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    /**
     * Builds the configuration from an optional YAML config file (keys are setting names), then the environment
     * ({@code KONG_GITOPS_*}), then the flags given on the command line — each overriding the one before.
     */
    public static JobConfig load(Map<String, String> flags, Map<String, String> env, Path configFile) {
        return load(null, flags, env, configFile, List.of());
    }

    /**
     * As {@link #load(Map, Map, Path)}, for one command, reporting at once every bad setting, what the command needs
     * and lacks ({@code --repo}; a Kong Admin API for {@code diff} without {@code --kong-state} and for
     * {@code reconcile}), and {@code otherErrors} found by the caller (e.g. in secret settings). Nothing here touches
     * the network.
     */
    public static JobConfig load(String command, Map<String, String> flags, Map<String, String> env, Path configFile,
                                 List<String> otherErrors) {
        Builder b = builder();
        List<String> errors = new ArrayList<>();
        if (configFile != null) {
            ConfigFile.read(configFile, SETTINGS, errors).forEach(b::set);
        }
        for (String s : SETTINGS) {
            b.set(s, env.get(envName(s)));
        }
        flags.forEach((k, v) -> {
            if (!SETTINGS.contains(k)) {
                errors.add("unknown setting " + k);
            }
            b.set(k, v);
        });
        List<String> later = new ArrayList<>(otherErrors);
        if (command != null) {
            if (b.get("repo", null) == null) {
                later.add("--repo (or " + envName("repo") + ") is required: a Git URL or a local directory");
            }
            // diff --base-ref compares two commits; a Kong is optional there
            boolean live = command.equals("reconcile") || command.equals("diff") && b.get("kong-state", null) == null
                    && b.get("base-ref", null) == null;
            if (live && b.get("kong-admin-url", null) == null) {
                later.add("--kong-admin-url (or " + envName("kong-admin-url") + ") is required"
                        + (command.equals("diff") ? "; to diff offline use --kong-state FILE, or --base-ref REF for "
                        + "what a pull request changes" : ""));
            }
        }
        return b.build(errors, later);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects raw settings (strings as given) and validates them all in {@link #build()}. */
    public static final class Builder {
        private final Map<String, String> values = new java.util.TreeMap<>();

        /** Sets a setting by its flag name without dashes, e.g. {@code kong-admin-url}; null or blank is ignored. */
        public Builder set(String name, String value) {
            if (value != null && !value.isBlank()) {
                values.put(name, value.trim());
            }
            return this;
        }

        public Builder set(String name, boolean value) {
            return value ? set(name, "true") : this;
        }

        public JobConfig build() {
            return build(List.of(), List.of());
        }

        /** Validates every setting; {@code before} and {@code after} are reported with its own errors, in order. */
        private JobConfig build(List<String> before, List<String> after) {
            List<String> errors = new ArrayList<>(before);
            Source source = new Source(get("repo", null), get("ref", null), get("path", ""),
                    path("git-ssh-key", errors, true), path("git-known-hosts", errors, true),
                    (long) integer("max-file-bytes", 10 * 1024 * 1024, 1, Integer.MAX_VALUE, errors),
                    get("base-ref", null));
            RouterFlavor flavor = RouterFlavor.TRADITIONAL_COMPATIBLE;
            try {
                flavor = RouterFlavor.parse(get("router-flavor", "traditional_compatible"));
            } catch (IllegalArgumentException e) {
                errors.add("--router-flavor must be traditional, traditional_compatible or expressions, not '"
                        + get("router-flavor", "") + "'");
            }
            String dbMode = get("db-mode", "postgres");
            if (!dbMode.equals("postgres") && !dbMode.equals("off")) {
                errors.add("--db-mode must be postgres or off, not '" + dbMode + "'");
            }
            EndpointsMode endpoints = EndpointsMode.AUTO;
            try {
                endpoints = EndpointsMode.parse(get("endpoints", "auto"));
            } catch (IllegalArgumentException e) {
                errors.add("--endpoints must be cluster, manifests, service-dns or auto, not '"
                        + get("endpoints", "") + "'");
            }
            String version = get("kong-version", "3.9.1");
            if (!version.matches("\\d+\\.\\d+(\\.\\d+)*([.-].*)?")) {
                errors.add("--kong-version must look like 3.9.1, not '" + version + "'");
            }
            check(errors, SettingChecks.kongTag("select-tag", get("select-tag", "managed-by:kong-gitops")));
            check(errors, SettingChecks.workspace("kong-workspace", get("kong-workspace", "")));
            check(errors, SettingChecks.dnsName("cluster-domain", get("cluster-domain", "")));
            Translation translation = new Translation(get("ingress-class", "kong"),
                    get("select-tag", "managed-by:kong-gitops"), version, flavor, dbMode.equals("off"),
                    get("kong-workspace", ""), get("cluster-domain", ""), bool("drain"), endpoints,
                    list("deny-plugins"));
            String adminUrl = get("kong-admin-url", null);
            if (adminUrl != null) check(errors, SettingChecks.httpUrl("kong-admin-url", adminUrl));
            List<String> headers = list("kong-header", "\\s*\\n\\s*");
            for (String h : headers) {
                if (!h.matches("[^:\\s]+:.*")) {
                    // the value may be a secret: only the name is shown
                    errors.add("--kong-header must be NAME:VALUE, got one without a name before ':'");
                } else {
                    check(errors, SettingChecks.headerName("kong-header", h.substring(0, h.indexOf(':'))));
                }
            }
            Kong kong = new Kong(adminUrl, path("kong-state", errors, true), path("kong-ca-cert", errors, true),
                    path("kong-client-cert", errors, true), path("kong-client-key", errors, true),
                    bool("kong-tls-skip-verify"), get("kong-admin-token-header", "Kong-Admin-Token"), headers,
                    get("kong-workspace", ""), integer("read-parallelism", 10, 1, 100, errors));
            if ((kong.clientCert() == null) != (kong.clientKey() == null)) {
                errors.add("--kong-client-cert and --kong-client-key go together");
            }
            if (kong.caCert() != null) check(errors, SettingChecks.pemCertificates("kong-ca-cert", kong.caCert()));
            if (kong.clientCert() != null) {
                check(errors, SettingChecks.pemCertificates("kong-client-cert", kong.clientCert()));
            }
            if (kong.clientKey() != null) check(errors, SettingChecks.pemPrivateKey("kong-client-key", kong.clientKey()));
            check(errors, SettingChecks.headerName("kong-admin-token-header", kong.tokenHeader()));
            check(errors, SettingChecks.namespaces("namespaces", list("namespaces")));
            Cluster cluster = new Cluster(path("kubeconfig", errors, true), get("context", null), list("namespaces"),
                    duration("cluster-timeout", Duration.ofSeconds(30), errors),
                    integer("cluster-retries", 3, 0, 10, errors));
            String format = get("format", "yaml");
            if (!format.equals("yaml") && !format.equals("json")) {
                errors.add("--format must be yaml or json, not '" + format + "'");
            }
            String report = get("report", "text");
            if (!List.of("text", "markdown", "json").contains(report)) {
                errors.add("--report must be text, markdown or json, not '" + report + "'");
            }
            Output output = new Output(format, path("output", errors, false), bool("include-secrets"), report,
                    path("report-file", errors, false));
            if (output.outputFile() != null) check(errors, SettingChecks.writableFile("output", output.outputFile()));
            if (output.reportFile() != null) {
                check(errors, SettingChecks.writableFile("report-file", output.reportFile()));
            }
            String maxDeletions = get("max-deletions", null);
            if (maxDeletions != null && !maxDeletions.matches("\\d{1,9}%?")) {
                errors.add("--max-deletions must be a count (5) or a percentage (30%), not '" + maxDeletions + "'");
            } else if (maxDeletions != null && maxDeletions.endsWith("%")
                    && Integer.parseInt(maxDeletions.substring(0, maxDeletions.length() - 1)) > 100) {
                errors.add("--max-deletions percentage must be at most 100%, not " + maxDeletions);
            }
            String onInvalid = get("on-invalid", "skip");
            if (!onInvalid.equals("skip") && !onInvalid.equals("fail")) {
                errors.add("--on-invalid must be skip or fail, not '" + onInvalid + "'");
            }
            Sync sync = new Sync(integer("parallelism", 10, 1, 100, errors), maxDeletions, bool("allow-empty"),
                    bool("dry-run"), onInvalid, bool("dbless-replace-unowned"));
            String lockNamespace = get("lock-namespace", null);
            check(errors, SettingChecks.dnsName("lock-name", get("lock-name", "kong-gitops")));
            if (lockNamespace != null) check(errors, SettingChecks.namespaces("lock-namespace", List.of(lockNamespace)));
            Lock lock = new Lock(!bool("no-lock"), get("lock-name", "kong-gitops"), lockNamespace,
                    duration("lock-ttl", Duration.ofSeconds(60), errors));
            if (lock.ttl().toSeconds() < 3) errors.add("--lock-ttl must be at least 3s, not '" + get("lock-ttl", "") + "'");
            String pushgateway = get("pushgateway-url", null);
            if (pushgateway != null) check(errors, SettingChecks.httpUrl("pushgateway-url", pushgateway));
            errors.addAll(after);
            if (!errors.isEmpty()) {
                throw new InvalidConfigException(errors);
            }
            return new JobConfig(source, translation, kong, cluster, output, sync, lock, new Metrics(pushgateway));
        }

        private static void check(List<String> errors, String error) {
            if (error != null) errors.add(error);
        }

        private String get(String name, String dflt) {
            return values.getOrDefault(name, dflt);
        }

        private boolean bool(String name) {
            return Boolean.parseBoolean(values.getOrDefault(name, "false"));
        }

        private List<String> list(String name) {
            return list(name, "\\s*[,\\n]\\s*");
        }

        private List<String> list(String name, String separator) {
            String v = values.get(name);
            if (v == null) return List.of();
            return List.of(v.split(separator)).stream().filter(s -> !s.isBlank()).toList();
        }

        private int integer(String name, int dflt, int min, int max, List<String> errors) {
            String v = values.get(name);
            if (v == null) return dflt;
            try {
                int i = Integer.parseInt(v);
                if (i < min || i > max) {
                    errors.add("--" + name + " must be between " + min + " and " + max + ", not " + i);
                }
                return i;
            } catch (NumberFormatException e) {
                errors.add("--" + name + " must be a whole number, not '" + v + "'");
                return dflt;
            }
        }

        /** {@code 30s}, {@code 500ms}, {@code 2m} or a plain number of seconds; must be positive. */
        private Duration duration(String name, Duration dflt, List<String> errors) {
            String v = values.get(name);
            if (v == null) return dflt;
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(ms|s|m)?").matcher(v);
            if (!m.matches()) {
                errors.add("--" + name + " must be a duration such as 30s, 500ms or 2m, not '" + v + "'");
                return dflt;
            }
            Duration d;
            try {
                long n = Long.parseLong(m.group(1));
                String unit = m.group(2) == null ? "s" : m.group(2);
                d = switch (unit) {
                    case "ms" -> Duration.ofMillis(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofSeconds(n);
                };
            } catch (NumberFormatException | ArithmeticException e) {
                errors.add("--" + name + " is too large: '" + v + "'");
                return dflt;
            }
            if (d.isZero() || d.compareTo(Duration.ofHours(1)) > 0) {
                errors.add("--" + name + " must be more than 0 and at most 1h, not '" + v + "'");
                return dflt;
            }
            return d;
        }

        private Path path(String name, List<String> errors, boolean mustExist) {
            String v = values.get(name);
            if (v == null) return null;
            Path p = Path.of(v);
            if (mustExist && !Files.isReadable(p)) {
                errors.add("--" + name + " " + v + " does not exist or cannot be read");
            }
            return p;
        }
    }

    public JobConfig {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(translation, "translation");
        Objects.requireNonNull(kong, "kong");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(sync, "sync");
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(metrics, "metrics");
    }
}
