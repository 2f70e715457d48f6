package io.konggitops.translate.upstream;

/** One Kong target: {@code host:port} (IPv6 in brackets) and a weight, null for Kong's default (100). */
public record TargetSpec(String target, Long weight) {
}
