package io.konggitops.source;

import org.eclipse.jgit.internal.transport.sshd.OpenSshServerKeyDatabase;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;
import org.eclipse.jgit.util.FS;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * SSH for one checkout: JGit's Apache MINA sshd transport with strict host key checking that cannot be turned off.
 *
 * <p>With a key file or a known_hosts file given, the session runs on a fresh, empty temporary home and {@code .ssh}
 * directory (inside the checkout's work directory), so nothing of the user's {@code ~/.ssh} (keys, config, known_hosts,
 * agent) is read: the identity is the given key only, the known hosts are the given file only. With neither given,
 * the user's {@code ~/.ssh} (keys, config, known_hosts, ssh-agent) is used as {@code git} would, still with strict host
 * key checking.
 *
 * <p>Key types, for the client key and the server's host key alike: Ed25519 (ssh-keygen's and GitHub's default;
 * MINA sshd takes it from the Bouncy Castle provider on the classpath), ECDSA and RSA (rsa-sha2-256/512), in OpenSSH
 * key files as ssh-keygen writes them. Tested against Debian's OpenSSH sshd (OpenSshSourceTest).
 *
 * <p>An unknown or changed host key fails the connection; {@link #hostKeyProblem()} then holds the message to show.
 */
final class SshConfig implements AutoCloseable {
    private final SshdSessionFactory factory;
    private final AtomicReference<String> hostKeyProblem = new AtomicReference<>();
    private final String knownHostsName;

    private SshConfig(Path home, Path sshDir, List<Path> identities, List<Path> knownHosts, String knownHostsName) {
        this.knownHostsName = knownHostsName;
        SshdSessionFactoryBuilder builder = new SshdSessionFactoryBuilder()
                .setHomeDirectory(home.toFile())
                .setSshDirectory(sshDir.toFile())
                .setServerKeyDatabase((h, s) -> new StrictKeys(knownHosts))
                .setConnectorFactory(null);
        if (identities != null) {
            builder.setDefaultIdentities(dir -> identities)
                    .setConfigFile(dir -> new File(sshDir.toFile(), "config"))
                    .setPreferredAuthentications("publickey");
        } else {
            builder.withDefaultConnectorFactory();
        }
        this.factory = builder.build(null);
    }

    /**
     * @param sshKey     private key file, or null
     * @param knownHosts known_hosts file, or null
     * @param workDir    a private temporary directory, removed by the caller
     */
    static SshConfig create(Path sshKey, Path knownHosts, Path workDir) {
        if (sshKey == null && knownHosts == null) {
            Path home = FS.DETECTED.userHome() == null ? Path.of(System.getProperty("user.home"))
                    : FS.DETECTED.userHome().toPath();
            Path ssh = home.resolve(".ssh");
            return new SshConfig(home, ssh, null,
                    List.of(ssh.resolve("known_hosts"), ssh.resolve("known_hosts2")), "~/.ssh/known_hosts");
        }
        requireReadable(sshKey, "SSH key file");
        requireReadable(knownHosts, "SSH known_hosts file");
        try {
            Path home = Files.createDirectories(workDir.resolve("ssh-home"));
            Path ssh = Files.createDirectories(home.resolve(".ssh"));
            return new SshConfig(home, ssh, sshKey == null ? List.of() : List.of(sshKey),
                    knownHosts == null ? List.of() : List.of(knownHosts),
                    knownHosts == null ? "(none given)" : knownHosts.toString());
        } catch (IOException e) {
            throw new SourceException("cannot create a temporary SSH directory in " + workDir + ": "
                    + e.getClass().getSimpleName());
        }
    }

    SshdSessionFactory factory() {
        return factory;
    }

    /** Why the last connection's host key was refused, or null. */
    String hostKeyProblem() {
        return hostKeyProblem.get();
    }

    @Override
    public void close() {
        factory.close();
    }

    private static void requireReadable(Path file, String what) {
        if (file != null && !(Files.isRegularFile(file) && Files.isReadable(file))) {
            throw new SourceException(what + " " + file + " does not exist or is not readable");
        }
    }

    /** OpenSSH known_hosts lookup (JGit's), always with StrictHostKeyChecking=yes, remembering why it refused. */
    private final class StrictKeys implements ServerKeyDatabase {
        private final OpenSshServerKeyDatabase delegate;
        private final List<Path> files;

        StrictKeys(List<Path> files) {
            this.files = files;
            this.delegate = new OpenSshServerKeyDatabase(false, files);
        }

        @Override
        public List<PublicKey> lookup(String connectAddress, InetSocketAddress remoteAddress, Configuration config) {
            return delegate.lookup(connectAddress, remoteAddress, strict(config));
        }

        @Override
        public boolean accept(String connectAddress, InetSocketAddress remoteAddress, PublicKey serverKey,
                              Configuration config, CredentialsProvider provider) {
            Configuration strict = strict(config);
            boolean known = !delegate.lookup(connectAddress, remoteAddress, strict).isEmpty();
            boolean ok = delegate.accept(connectAddress, remoteAddress, serverKey, strict, null);
            if (!ok) {
                hostKeyProblem.set(known
                        ? "SSH host key of " + connectAddress + " has CHANGED: it does not match the key in known_hosts "
                        + knownHostsName + ". Someone may be intercepting the connection, or the server's key was "
                        + "rotated; verify the new key out of band before updating known_hosts"
                        : "SSH host key of " + connectAddress + " is unknown: it is not in known_hosts " + knownHostsName
                        + ". Add the server's key (e.g. from ssh-keyscan, verified out of band) to that file");
            }
            return ok;
        }

        private Configuration strict(Configuration config) {
            List<String> names = files.stream().map(Path::toString).toList();
            return new Configuration() {
                @Override
                public List<String> getUserKnownHostsFiles() {
                    return names;
                }

                @Override
                public List<String> getGlobalKnownHostsFiles() {
                    return List.of();
                }

                @Override
                public StrictHostKeyChecking getStrictHostKeyChecking() {
                    return StrictHostKeyChecking.REQUIRE_MATCH;
                }

                @Override
                public boolean getHashKnownHosts() {
                    return false;
                }

                @Override
                public String getUsername() {
                    return config.getUsername();
                }
            };
        }
    }
}
