package io.konggitops.source;

/** HTTP(S) Git credentials. {@link #toString()} never shows the password. */
public record GitCredentials(String username, String password) {
    public static final GitCredentials NONE = new GitCredentials(null, null);

    public boolean present() {
        return password != null && !password.isEmpty();
    }

    @Override
    public String toString() {
        return present() ? "GitCredentials[username=" + username + ", password=****]" : "GitCredentials[none]";
    }
}
