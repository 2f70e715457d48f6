/**
 * The source stage: Git checkout and manifest loading. Entry point: {@link io.konggitops.source.ManifestSource#load}.
 *
 * <ul>
 *   <li>{@code --repo}: a local directory (loaded in place; commit = HEAD SHA of its Git work tree, else
 *       {@code "local"}), or a Git URL ({@code file://}, {@code http(s)://}, {@code ssh://}, scp-style
 *       {@code git@host:org/repo.git}) checked out into a temporary directory that is always removed.</li>
 *   <li>{@code --ref}: branch, tag, full ref name or commit SHA (full or abbreviated); default = the remote's HEAD.
 *       Branches and tags are fetched with depth 1; a SHA too when the server allows it, else the full history.</li>
 *   <li>{@code --path}: a folder (or file) of the repository; it must stay inside the repository, symlinks included.</li>
 *   <li>Origins ({@code file:line}) are relative to the <b>repository root</b>, not to {@code --path}, so they match
 *       the paths users see in their Git host.</li>
 *   <li>Manifests are read as strictly as {@code kubectl apply}: a document that is not a Kubernetes object, an object
 *       without {@code metadata.name}, a misspelt kind in a group kong-gitops reads, and the same object twice are
 *       errors, never skipped; a namespaced object without namespace is in {@code default}
 *       (see {@link io.konggitops.source.ManifestLoader}).</li>
 *   <li>HTTP(S) credentials: {@link io.konggitops.source.GitCredentials#fromEnvironment}. SSH: a key file (Ed25519,
 *       ECDSA or RSA) and a known_hosts file, strict host key checking always on.</li>
 *   <li>A repository that cannot be read is a {@link io.konggitops.source.SourceException} (message safe to print,
 *       no credentials); a broken file is a {@code Problem} in {@link io.konggitops.source.Manifests#problems()} and
 *       the other files still load.</li>
 * </ul>
 */
package io.konggitops.source;
