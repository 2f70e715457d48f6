package io.konggitops.source;

import io.konggitops.config.Secrets;

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

    /** The value of {@code name} or of the file named by {@code name_FILE} ({@link Secrets}); null when neither. */
    private static String value(Map<String, String> env, String name) {
        try {
            return Secrets.fromEnv(env, name);
        } catch (Secrets.SecretException e) {
            throw new SourceException(e.getMessage());
        }
    }

    @Override
    public String toString() {
        return present() ? "GitCredentials[username=" + username + ", password=****]" : "GitCredentials[none]";
    }
}
