package io.konggitops.testing.git;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real OpenSSH {@code sshd} (Debian's openssh-server) serving Git repositories through the system's
 * {@code git-upload-pack}, for tests of the SSH transport against the server users actually run.
 *
 * <p>The daemon runs in the foreground ({@code -D}) as the current user (root in CI) on a free 127.0.0.1 port, with
 * its own configuration in a test directory: one host key of the chosen type made by {@code ssh-keygen}, public-key
 * authentication only against its own {@code authorized_keys} file, no PAM, {@code StrictModes no} (temporary
 * directories are world-readable). Nothing of the machine's {@code /etc/ssh} is read. Run as root, sshd needs its
 * privilege separation directory {@code /run/sshd}; it is created when missing, as the Debian service does.
 *
 * <pre>
 * OpenSshGitServer.requireInstalled();                     // skips locally without sshd; fails under CI=true
 * try (OpenSshGitServer server = OpenSshGitServer.start(dir, KeyType.ED25519)) {
 *     Path key = server.newClientKey(KeyType.ED25519, dir.resolve("id_ed25519"));   // ssh-keygen, authorized
 *     Files.writeString(dir.resolve("known_hosts"), server.knownHostsLine());
 *     String url = server.url(bareRepository);             // ssh://root@127.0.0.1:PORT/abs/path/repo.git
 * }
 * </pre>
 */
public final class OpenSshGitServer implements AutoCloseable {
    private static final Path SSHD = Path.of("/usr/sbin/sshd");
    private static final Path SSH_KEYGEN = Path.of("/usr/bin/ssh-keygen");
    private static final Path UPLOAD_PACK = Path.of("/usr/bin/git-upload-pack");

    /** Key types, as ssh-keygen names them. */
    public enum KeyType {
        ED25519("ed25519"), ECDSA("ecdsa"), RSA("rsa");

        private final String keygenName;

        KeyType(String keygenName) {
            this.keygenName = keygenName;
        }
    }

    private final Path dir;
    private final Path hostKey;
    private final Path authorizedKeys;
    private final Path log;
    private final Process process;
    private final int port;

    private OpenSshGitServer(Path dir, Path hostKey, Path authorizedKeys, Path log, Process process, int port) {
        this.dir = dir;
        this.hostKey = hostKey;
        this.authorizedKeys = authorizedKeys;
        this.log = log;
        this.process = process;
        this.port = port;
    }

    /**
     * Skips the calling test when OpenSSH's sshd, ssh-keygen or git-upload-pack is missing, unless the environment
     * variable {@code CI} is {@code true}: then the test fails, so CI cannot pass without running it.
     */
    public static void requireInstalled() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(SSHD)) missing.add(SSHD + " (Debian package openssh-server)");
        if (!Files.isExecutable(SSH_KEYGEN)) missing.add(SSH_KEYGEN + " (Debian package openssh-client)");
        if (!Files.isExecutable(UPLOAD_PACK)) missing.add(UPLOAD_PACK + " (Debian package git)");
        if (missing.isEmpty()) return;
        String why = "the OpenSSH interoperability tests need " + String.join(", ", missing)
                + "; install them (.ci/run does) to run these tests";
        if ("true".equals(System.getenv("CI"))) fail(why);
        Assumptions.abort(why);
    }

    /** Starts sshd with a new host key of {@code hostKeyType}; its files live in {@code dir}. */
    public static OpenSshGitServer start(Path dir, KeyType hostKeyType) {
        try {
            Files.createDirectories(dir);
            Path hostKey = dir.resolve("ssh_host_" + hostKeyType.keygenName + "_key");
            keygen(hostKeyType, hostKey, "host");
            Path authorizedKeys = dir.resolve("authorized_keys");
            Files.writeString(authorizedKeys, "");
            ensurePrivilegeSeparationDirectory();
            IOException last = null;
            for (int attempt = 0; attempt < 5; attempt++) {
                int port = freePort();
                Path config = writeConfig(dir, port, hostKey, authorizedKeys);
                Path log = dir.resolve("sshd.log");
                Files.deleteIfExists(log);
                Process process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
                OpenSshGitServer server = new OpenSshGitServer(dir, hostKey, authorizedKeys, log, process, port);
                try {
                    server.awaitBanner();
                    return server;
                } catch (IOException e) {
                    server.close();
                    last = e;
                    if (!server.logText().contains("Address already in use")) break;
                }
            }
            throw new IllegalStateException("sshd did not start: " + last.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Generates a client key pair with ssh-keygen (OpenSSH format, no passphrase) and authorizes its public key. */
    public Path newClientKey(KeyType type, Path file) {
        try {
            keygen(type, file, "client");
            Files.writeString(authorizedKeys, Files.readString(file.resolveSibling(file.getFileName() + ".pub")),
                    StandardOpenOption.APPEND);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The known_hosts line for this server: {@code [127.0.0.1]:PORT ssh-ed25519 AAAA...}. */
    public String knownHostsLine() {
        return knownHostsLine(hostKey.resolveSibling(hostKey.getFileName() + ".pub"));
    }

    /** A known_hosts line for this server's address with the public key in {@code publicKeyFile}. */
    public String knownHostsLine(Path publicKeyFile) {
        try {
            String[] parts = Files.readString(publicKeyFile).trim().split("\\s+");
            return "[127.0.0.1]:" + port + " " + parts[0] + " " + parts[1] + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Generates a key pair this server knows nothing about (a changed host key, an unauthorized client key); the .pub path. */
    public static Path newUnknownKey(KeyType type, Path file) {
        keygen(type, file, "foreign");
        return file.resolveSibling(file.getFileName() + ".pub");
    }

    /** The URL of a repository on this machine, as {@code git clone} would take it over SSH. */
    public String url(Path repository) {
        return "ssh://" + System.getProperty("user.name") + "@127.0.0.1:" + port + repository.toAbsolutePath();
    }

    public int port() {
        return port;
    }

    /** sshd's log (for assertion messages). */
    public String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "OpenSSH sshd on 127.0.0.1:" + port + " (" + dir + ")";
    }

    private static Path writeConfig(Path dir, int port, Path hostKey, Path authorizedKeys) throws IOException {
        String config = String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + hostKey.toAbsolutePath(),
                "PidFile " + dir.resolve("sshd.pid").toAbsolutePath(),
                "AuthorizedKeysFile " + authorizedKeys.toAbsolutePath(),
                "AuthenticationMethods publickey",
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password",
                "UsePAM no",
                "StrictModes no",
                "PrintMotd no",
                "PrintLastLog no",
                "PermitTTY no",
                "AllowTcpForwarding no",
                "AllowAgentForwarding no",
                "X11Forwarding no",
                "LogLevel VERBOSE",
                "");
        Path file = dir.resolve("sshd_config");
        Files.writeString(file, config);
        return file;
    }

    /** Waits until sshd answers with its SSH-2.0 identification line. */
    private void awaitBanner() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        IOException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("sshd exited with " + process.exitValue() + ": " + logText().trim());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                socket.setSoTimeout(5000);
                InputStream in = socket.getInputStream();
                byte[] banner = in.readNBytes(8);
                if (new String(banner, StandardCharsets.US_ASCII).startsWith("SSH-2.0")) return;
            } catch (IOException e) {
                last = e;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for sshd");
            }
        }
        throw new IOException("sshd did not answer on port " + port + " (" + (last == null ? "" : last.getMessage())
                + "): " + logText().trim());
    }

    private static void keygen(KeyType type, Path file, String comment) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".pub"));
            Process p = new ProcessBuilder(SSH_KEYGEN.toString(), "-q", "-t", type.keygenName, "-N", "", "-C", comment,
                    "-f", file.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("ssh-keygen -t " + type.keygenName + " failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void ensurePrivilegeSeparationDirectory() throws IOException {
        if ("root".equals(System.getProperty("user.name"))) {
            Files.createDirectories(Path.of("/run/sshd"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
