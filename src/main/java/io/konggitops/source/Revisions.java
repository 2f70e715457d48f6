package io.konggitops.source;

/** The manifests at a pull request's base commit and at its head ({@code diff --base-ref}). */
public record Revisions(Manifests base, Manifests head) {
}
