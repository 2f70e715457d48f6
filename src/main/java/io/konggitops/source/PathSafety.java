package io.konggitops.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Keeps every path the source stage reads inside the repository root, symlinks included. */
final class PathSafety {
    private PathSafety() {
    }

    /** The real (symlink-free) path of a repository root. */
    static Path realRoot(Path root) {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            throw new SourceException("cannot read repository directory " + root + ": " + e.getClass().getSimpleName());
        }
    }

    /**
     * Resolves {@code --path} against the real repository root. The result is lexical (it keeps the names the user
     * wrote, so origins read the same), but its real target is checked to be inside the repository.
     *
     * @throws SourceException when the path is absolute, climbs out with {@code ..}, leaves through a symlink, or is
     *                         missing
     */
    static Path resolveSubPath(Path realRoot, String subPath) {
        String sub = subPath == null ? "" : subPath.trim();
        if (sub.isEmpty() || sub.equals(".")) {
            return realRoot;
        }
        Path rel;
        try {
            rel = Path.of(sub);
        } catch (RuntimeException e) {
            throw new SourceException("--path '" + sub + "' is not a valid path");
        }
        if (rel.isAbsolute() || sub.startsWith("/") || sub.startsWith("\\")) {
            throw new SourceException("--path '" + sub + "' is absolute: give a folder relative to the repository root");
        }
        Path lexical = realRoot.resolve(rel).normalize();
        if (!lexical.startsWith(realRoot)) {
            throw new SourceException("--path '" + sub + "' is outside the repository: it must not climb out with '..'");
        }
        if (!Files.exists(lexical, LinkOption.NOFOLLOW_LINKS)) {
            throw new SourceException("--path '" + sub + "' does not exist in the repository");
        }
        Path real;
        try {
            real = lexical.toRealPath();
        } catch (IOException e) {
            throw new SourceException("--path '" + sub + "' cannot be resolved (a broken symlink?)");
        }
        if (!isInside(realRoot, real)) {
            throw new SourceException("--path '" + sub + "' is outside the repository: it leads through a symlink to "
                    + "a place outside the repository");
        }
        return lexical;
    }

    /** Whether {@code real} (a real path) is {@code realRoot} or below it. */
    static boolean isInside(Path realRoot, Path real) {
        return real.startsWith(realRoot);
    }

    /** The path of {@code file} relative to the root, with '/' separators, for origins and messages. */
    static String relative(Path root, Path file) {
        String rel = root.relativize(file).toString().replace('\\', '/');
        return rel.isEmpty() ? "." : rel;
    }
}
