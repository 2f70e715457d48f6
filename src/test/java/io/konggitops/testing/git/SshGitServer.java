package io.konggitops.testing.git;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.UploadPack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A read-only Git SSH server for tests: Apache MINA sshd on 127.0.0.1 and a free port, with a generated ECDSA host key,
 * public-key authentication only, and JGit's {@link UploadPack} as the {@code git-upload-pack '<path>'} command.
 *
 * <pre>
 * try (SshGitServer server = SshGitServer.start()) {
 *     server.serve("org/repo.git", repo.repository());
 *     Path key = server.newClientKey(dir.resolve("id_ecdsa"));          // written in OpenSSH format, authorized
 *     Files.writeString(dir.resolve("known_hosts"), server.knownHostsLine());
 *     String url = server.url("org/repo.git");                          // ssh://git@127.0.0.1:PORT/org/repo.git
 * }
 * </pre>
 */
public final class SshGitServer implements AutoCloseable {
    private final SshServer sshd;
    private final KeyPair hostKey;
    private final Map<String, Repository> repositories = new ConcurrentHashMap<>();
    private final List<PublicKey> authorized = new CopyOnWriteArrayList<>();

    private SshGitServer(SshServer sshd, KeyPair hostKey) {
        this.sshd = sshd;
        this.hostKey = hostKey;
    }

    public static SshGitServer start() {
        KeyPair hostKey = newKeyPair();
        SshServer sshd = SshServer.setUpDefaultServer();
        SshGitServer server = new SshGitServer(sshd, hostKey);
        sshd.setHost("127.0.0.1");
        sshd.setPort(0);
        sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        sshd.setPasswordAuthenticator(null);
        sshd.setKeyboardInteractiveAuthenticator(null);
        sshd.setPublickeyAuthenticator((user, key, session) ->
                server.authorized.stream().anyMatch(k -> KeyUtils.compareKeys(k, key)));
        sshd.setCommandFactory((channel, command) -> server.new UploadPackCommand(command));
        try {
            sshd.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server;
    }

    /** A new EC P-256 key pair. */
    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Serves {@code repo} at {@code /<name>}. */
    public SshGitServer serve(String name, Repository repo) {
        repositories.put(strip(name), repo);
        return this;
    }

    /** Lets clients authenticate with this public key. */
    public SshGitServer authorize(PublicKey key) {
        authorized.add(key);
        return this;
    }

    /** Generates a client key pair, writes its private key (OpenSSH format, no passphrase) and authorizes it. */
    public Path newClientKey(Path file) {
        KeyPair pair = newKeyPair();
        writePrivateKey(pair, file);
        authorize(pair.getPublic());
        return file;
    }

    public static void writePrivateKey(KeyPair pair, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "test", null, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public PublicKey hostPublicKey() {
        return hostKey.getPublic();
    }

    /** The known_hosts line for this server: {@code [127.0.0.1]:PORT ecdsa-sha2-nistp256 AAAA...}. */
    public String knownHostsLine() {
        return knownHostsLine(hostKey.getPublic());
    }

    /** A known_hosts line for this server's address with another key (to simulate a changed host key). */
    public String knownHostsLine(PublicKey key) {
        return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(key) + "\n";
    }

    public int port() {
        return sshd.getPort();
    }

    public String url(String name) {
        return "ssh://git@127.0.0.1:" + port() + "/" + strip(name);
    }

    @Override
    public void close() {
        try {
            sshd.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String strip(String name) {
        String n = name.trim();
        if (n.length() >= 2 && (n.startsWith("'") && n.endsWith("'") || n.startsWith("\"") && n.endsWith("\""))) {
            n = n.substring(1, n.length() - 1);
        }
        while (n.startsWith("/")) {
            n = n.substring(1);
        }
        return n;
    }

    /** {@code git-upload-pack '<path>'} served by JGit; any other command fails. */
    private final class UploadPackCommand implements Command {
        private final String command;
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;
        private Thread thread;

        UploadPackCommand(String command) {
            this.command = command;
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback exit) {
            this.exit = exit;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            String protocol = env.getEnv().get("GIT_PROTOCOL");
            thread = new Thread(() -> run(protocol), "ssh-git-upload-pack");
            thread.setDaemon(true);
            thread.start();
        }

        private void run(String protocol) {
            try {
                if (!command.startsWith("git-upload-pack ")) {
                    fail(127, "only git-upload-pack is served: " + command);
                    return;
                }
                Repository repo = repositories.get(strip(command.substring("git-upload-pack ".length())));
                if (repo == null) {
                    fail(128, "fatal: '" + command.substring("git-upload-pack ".length()) + "' does not appear to "
                            + "be a git repository");
                    return;
                }
                UploadPack up = new UploadPack(repo);
                if (protocol != null) {
                    up.setExtraParameters(List.of(protocol.split(":")));
                }
                up.upload(in, out, err);
                out.flush();
                exit.onExit(0);
            } catch (IOException | RuntimeException e) {
                exit.onExit(1, String.valueOf(e.getMessage()));
            }
        }

        private void fail(int code, String message) throws IOException {
            err.write((message + "\n").getBytes(StandardCharsets.UTF_8));
            err.flush();
            exit.onExit(code, message);
        }

        @Override
        public void destroy(ChannelSession channel) {
            if (thread != null) {
                thread.interrupt();
            }
        }
    }
}
