package io.konggitops.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.konggitops.problem.KongGitopsException;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One writer at a time: a {@code coordination.k8s.io/v1} Lease held while {@code reconcile} writes to Kong, like the
 * leader election of a controller, but taken once and never waited for. The Lease is read and written through
 * fabric8's {@link LeaseLock} (get, create, and an update that is a JSON merge patch carrying the resourceVersion read,
 * so two writers racing for the same Lease cannot both win: the loser gets 409 Conflict / AlreadyExists). It is renewed
 * every third of its duration while the run goes on, and released at {@link #close()} (holder cleared, duration 1 s),
 * as fabric8's and client-go's leader electors release theirs.
 */
public final class RunLease implements AutoCloseable {
    /** What to take: the Lease's namespace and name, who we are and how long a Lease lasts without renewal. */
    public record Options(String namespace, String name, String identity, Duration ttl) {
    }

    /** Another holder's Lease is still valid: refused, exit 3. The message names the holder and the expiry. */
    public static final class HeldException extends KongGitopsException {
        private static final long serialVersionUID = 1L;

        HeldException(String message) {
            super(message, null, REFUSED);
        }
    }

    private final KubernetesClient client;
    private final LeaseLock lock;
    private final Options options;
    private final Clock clock;
    private final Consumer<String> warn;
    private final ScheduledExecutorService renewer;

    private RunLease(KubernetesClient client, LeaseLock lock, Options options, Clock clock, Consumer<String> warn) {
        this.client = client;
        this.lock = lock;
        this.options = options;
        this.clock = clock;
        this.warn = warn;
        this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kong-gitops-lease-renewer");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(1, options.ttl().toMillis() / 3);
        renewer.scheduleAtFixedRate(this::renew, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Takes the Lease, or refuses ({@link HeldException}) when a holder's Lease has not expired. An expired Lease and
     * a released one (no holder) are taken over. The client is closed with the lease.
     *
     * @throws ClusterAccessException the Kubernetes API could not be asked (names the verbs to grant on a 403)
     */
    public static RunLease acquire(KubernetesClient client, Options options, Clock clock, Consumer<String> warn) {
        LeaseLock lock = new LeaseLock(options.namespace(), options.name(), options.identity());
        try {
            ZonedDateTime now = ZonedDateTime.now(clock);
            LeaderElectionRecord current = lock.get(client);
            if (current == null) {
                lock.create(client, record(options, now, now, 0));
            } else {
                String holder = current.getHolderIdentity();
                // our own identity is no exception: two runs by the same user on one host must not both write
                boolean free = holder == null || holder.isEmpty();
                ZonedDateTime expiry = expiry(current);
                if (!free && expiry.isAfter(now)) {
                    throw new HeldException("another kong-gitops run holds the Lease " + describe(options)
                            + ": holder " + holder + ", valid until " + expiry.toInstant() + " (renewed "
                            + current.getRenewTime().toInstant() + "). Nothing was written. It is released when that "
                            + "run ends, or expires if it died; run again then (or --no-lock if you are sure no other "
                            + "run writes to this Kong).");
                }
                int transitions = current.getLeaderTransitions() + (options.identity().equals(holder) ? 0 : 1);
                lock.update(client, record(options, now, now, transitions));
            }
        } catch (KubernetesClientException e) {
            client.close();
            throw failure(options, e);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
        return new RunLease(client, lock, options, clock, warn);
    }

    private static ZonedDateTime expiry(LeaderElectionRecord r) {
        ZonedDateTime renewed = r.getRenewTime() != null ? r.getRenewTime() : r.getAcquireTime();
        Duration ttl = r.getLeaseDuration() == null ? Duration.ZERO : r.getLeaseDuration();
        return renewed == null ? ZonedDateTime.now().minusYears(1) : renewed.plus(ttl);
    }

    private static LeaderElectionRecord record(Options o, ZonedDateTime acquired, ZonedDateTime now, int transitions) {
        return new LeaderElectionRecord(o.identity(), o.ttl(), acquired, now, transitions);
    }

    /** Renews the Lease (read, then an optimistic update); a Lease now held by another is reported, not taken. */
    private synchronized void renew() {
        try {
            LeaderElectionRecord current = lock.get(client);
            if (current == null || !options.identity().equals(current.getHolderIdentity())) {
                warn.accept("lost the Lease " + describe(options) + " (now held by "
                        + (current == null ? "nobody: it was deleted" : current.getHolderIdentity())
                        + "); another run may write to Kong at the same time");
                renewer.shutdown();
                return;
            }
            lock.update(client, record(options, current.getAcquireTime(), ZonedDateTime.now(clock),
                    current.getLeaderTransitions()));
        } catch (RuntimeException e) {
            warn.accept("could not renew the Lease " + describe(options) + ": " + e.getMessage()
                    + " (it expires " + options.ttl().toSeconds() + "s after the last renewal)");
        }
    }

    /** Releases the Lease (holder cleared, 1 s duration) if we still hold it, and closes the client. */
    @Override
    public void close() {
        renewer.shutdownNow();
        try {
            synchronized (this) {
                LeaderElectionRecord current = lock.get(client);
                if (current != null && options.identity().equals(current.getHolderIdentity())) {
                    ZonedDateTime now = ZonedDateTime.now(clock);
                    lock.update(client, new LeaderElectionRecord("", Duration.ofSeconds(1), now, now,
                            current.getLeaderTransitions()));
                }
            }
        } catch (RuntimeException e) {
            warn.accept("could not release the Lease " + describe(options) + ": " + e.getMessage()
                    + "; it expires " + options.ttl().toSeconds() + "s after its last renewal");
        } finally {
            client.close();
        }
    }

    private static String describe(Options o) {
        return o.namespace() + "/" + o.name();
    }

    private static RuntimeException failure(Options o, KubernetesClientException e) {
        if (e.getCode() == 409) {
            // create lost to AlreadyExists, or the update's resourceVersion is stale: another run took it first
            return new HeldException("another kong-gitops run took the Lease " + describe(o) + " at the same "
                    + "moment (409 Conflict). Nothing was written; run again once it has finished.");
        }
        String server = e.getMessage() == null ? "" : e.getMessage();
        if (e.getCode() == 403) {
            return new ClusterAccessException(ClusterAccessException.Reason.FORBIDDEN, "", "cannot take the Lease "
                    + describe(o) + ": forbidden. Grant get, create and patch on leases (coordination.k8s.io) in "
                    + "namespace " + o.namespace() + " (cronjob.yaml's Role kong-gitops-lease), set "
                    + "--lock-namespace, or pass --no-lock", e);
        }
        return new ClusterAccessException(ClusterAccessException.Reason.API_ERROR, "", "cannot take the Lease "
                + describe(o) + ": " + server + " (pass --no-lock to run without it)", e);
    }
}
