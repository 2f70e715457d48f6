package io.konggitops.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * HTTP(S) Git credentials (Basic auth). {@link #toString()} never shows the password.
 *
 * <p>From the environment ({@link #fromEnvironment(Map)}):
 * <ul>
 *   <li>{@code KONG_GITOPS_GIT_TOKEN}: an access token sent as the Basic-auth password, with user name
 *       {@code KONG_GITOPS_GIT_USERNAME} or {@code x-access-token} (GitHub, GitLab and Bitbucket accept this);</li>
 *   <li>or {@code KONG_GITOPS_GIT_USERNAME} + {@code KONG_GITOPS_GIT_PASSWORD}.</li>
 * </ul>
 * Each variable also exists as {@code <NAME>_FILE}: the value is read from that file (trailing newlines removed), which
 * is how Kubernetes Secrets are mounted. Setting both {@code NAME} and {@code NAME_FILE} is an error.
 */
public record GitCredentials(String username, String password) {
    public static final GitCredentials NONE = new GitCredentials(null, null);

    public static final String TOKEN = "KONG_GITOPS_GIT_TOKEN";
    public static final String USERNAME = "KONG_GITOPS_GIT_USERNAME";
    public static final String PASSWORD = "KONG_GITOPS_GIT_PASSWORD";
    /** User name sent with a token when none is configured. */
    public static final String TOKEN_USERNAME = "x-access-token";

    public boolean present() {
        return password != null && !password.isEmpty();
    }

    /**
     * Credentials from environment variables (see the class comment), or {@link #NONE} when none is set.
     *
     * @throws SourceException when a variable and its {@code _FILE} twin are both set, a file cannot be read, or a
     *                         user name is set without password or token
     */
    public static GitCredentials fromEnvironment(Map<String, String> env) {
        String token = value(env, TOKEN);
        String username = value(env, USERNAME);
        String password = value(env, PASSWORD);
        if (token != null && password != null) {
            throw new SourceException("set either " + TOKEN + " or " + PASSWORD + " (with " + USERNAME + "), not both");
        }
        if (token != null) {
            return new GitCredentials(username == null ? TOKEN_USERNAME : username, token);
        }
        if (password != null) {
            if (username == null) {
                throw new SourceException(PASSWORD + " is set but " + USERNAME + " is not: set both, or use "
                        + TOKEN + " for an access token");
            }
            return new GitCredentials(username, password);
        }
        if (username != null) {
            throw new SourceException(USERNAME + " is set but neither " + PASSWORD + " nor " + TOKEN + " is");
        }
        return NONE;
    }

    /** The value of {@code name} or the content of the file named by {@code name_FILE}; null when neither is set. */
    private static String value(Map<String, String> env, String name) {
        String direct = nonEmpty(env.get(name));
        String file = nonEmpty(env.get(name + "_FILE"));
        if (direct != null && file != null) {
            throw new SourceException("set either " + name + " or " + name + "_FILE, not both");
        }
        if (file == null) {
            return direct;
        }
        Path path = Path.of(file);
        try {
            String content = stripTrailingNewlines(Files.readString(path, StandardCharsets.UTF_8));
            if (content.isEmpty()) {
                throw new SourceException(name + "_FILE names an empty file: " + path);
            }
            return content;
        } catch (IOException e) {
            throw new SourceException("cannot read " + name + "_FILE " + path + ": " + e.getClass().getSimpleName());
        }
    }

    private static String stripTrailingNewlines(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(0, end);
    }

    private static String nonEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    @Override
    public String toString() {
        return present() ? "GitCredentials[username=" + username + ", password=****]" : "GitCredentials[none]";
    }
}
