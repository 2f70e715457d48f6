package io.konggitops.config;

import io.konggitops.kong.Pem;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.util.List;

/**
 * Checks of single setting values that need more than a pattern: Kong tag syntax, URLs, PEM files, names. Each
 * returns null when the value is fine, else one message naming the setting, what is wrong and what is expected; none
 * ever quotes a file's content.
 */
final class SettingChecks {
    private SettingChecks() {
    }

    /**
     * Kong's {@code tag} typedef: printable ASCII (spaces allowed) except {@code ,} and {@code /} (the tag filter reads
     * them as AND and OR), or non-ASCII UTF-8.
     */
    static String kongTag(String setting, String tag) {
        for (int i = 0; i < tag.length(); ) {
            int c = tag.codePointAt(i);
            if (c == ',' || c == '/' || c < 0x20 || c == 0x7f || (c >= 0xD800 && c <= 0xDFFF)) {
                String what = c == ',' ? "','" : c == '/' ? "'/'" : String.format("the character U+%04X", c);
                return "--" + setting + " '" + printable(tag) + "' is not a valid Kong tag: it contains " + what
                        + " (Kong tags are printable text without ',' and '/', which its tag filter reads as AND and OR)";
            }
            i += Character.charCount(c);
        }
        return null;
    }

    /** An absolute {@code http://} or {@code https://} URL with a host. */
    static String httpUrl(String setting, String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null && uri.getRawUserInfo() == null) {
                return null;
            }
            if (uri.getRawUserInfo() != null) {
                return "--" + setting + " must not carry credentials in the URL; use KONG_GITOPS_KONG_ADMIN_TOKEN";
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        return "--" + setting + " must be an http:// or https:// URL with a host, e.g. https://kong-admin:8444, not '"
                + printable(url) + "'";
    }

    /** A readable PEM file holding at least one certificate (a missing file is reported by the caller). */
    static String pemCertificates(String setting, Path file) {
        String pem = read(file);
        if (pem == null) return null;
        try {
            if (Pem.certificates(pem).isEmpty()) {
                return "--" + setting + " " + file + " holds no PEM certificate (expected -----BEGIN CERTIFICATE-----)";
            }
            return null;
        } catch (CertificateException | IllegalArgumentException e) {
            return "--" + setting + " " + file + " holds a certificate that cannot be read (" + e.getClass()
                    .getSimpleName() + "); give PEM certificates (-----BEGIN CERTIFICATE-----)";
        }
    }

    /** A readable PEM file holding an unencrypted private key. */
    static String pemPrivateKey(String setting, Path file) {
        String pem = read(file);
        if (pem == null) return null;
        try {
            if (Pem.privateKey(pem) == null) {
                return "--" + setting + " " + file + " holds no PEM private key (expected -----BEGIN PRIVATE KEY-----, "
                        + "-----BEGIN RSA PRIVATE KEY----- or -----BEGIN EC PRIVATE KEY-----)";
            }
            return null;
        } catch (GeneralSecurityException e) {
            return "--" + setting + " " + file + " " + e.getMessage();
        } catch (IllegalArgumentException e) {
            return "--" + setting + " " + file + " holds a private key that cannot be read (bad base64)";
        }
    }

    /** Kong's workspace names: letters, digits and {@code . - _ ~}. */
    static String workspace(String setting, String name) {
        return name.isEmpty() || name.matches("[A-Za-z0-9._~-]+") ? null
                : "--" + setting + " '" + printable(name) + "' is not a valid Kong workspace name (letters, digits and "
                + ". - _ ~ only)";
    }

    /** Kubernetes namespace names (DNS-1123 labels). */
    static String namespaces(String setting, List<String> names) {
        for (String ns : names) {
            if (!ns.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?") || ns.length() > 63) {
                return "--" + setting + ": '" + printable(ns) + "' is not a Kubernetes namespace name (lower-case "
                        + "letters, digits and '-', at most 63 characters)";
            }
        }
        return null;
    }

    /** A DNS name such as {@code cluster.local}, or empty. */
    static String dnsName(String setting, String name) {
        return name.isEmpty() || name.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*")
                ? null : "--" + setting + " '" + printable(name) + "' is not a DNS name such as cluster.local";
    }

    /** An HTTP header name (RFC 9110 token). */
    static String headerName(String setting, String name) {
        return name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+") ? null
                : "--" + setting + ": '" + printable(name) + "' is not a valid HTTP header name";
    }

    /** A file we are to write: not an existing directory. */
    static String writableFile(String setting, Path file) {
        return Files.isDirectory(file) ? "--" + setting + " " + file + " is a directory; give a file name" : null;
    }

    private static String read(Path file) {
        if (file == null || !Files.isReadable(file)) return null;
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return null;
        }
    }

    /** Control characters escaped, so a message stays on one line. */
    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f) sb.append(String.format("\\u%04x", c));
            else sb.appendCodePoint(c);
        });
        return sb.toString();
    }
}
