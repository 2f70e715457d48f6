package io.konggitops.source;

import io.konggitops.problem.Origin;
import io.konggitops.problem.Problem;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the manifest files ({@code *.yaml}, {@code *.yml}, {@code *.json}, any case) below a folder of a repository,
 * sorted by their path relative to the repository root. Hidden directories ({@code .git}, {@code .github}) and hidden
 * files ({@code .gitlab-ci.yml}, {@code .pre-commit-config.yaml}: CI and tool settings, never manifests) are skipped
 * unless named by {@code --path}.
 * A symlink is followed only when its real target is inside the repository (else an ERROR problem names it); a
 * directory is visited once, a file reached twice through symlinks is loaded once, and a symlink to a folder that
 * contains it (a loop such as {@code zz-loop -> .}) is a WARNING naming the link and is not followed.
 */
final class ManifestFiles {
    /** A manifest file: its path as found (through symlinks), its real path, and its origin name. */
    record ManifestFile(Path path, Path real, String relative) {
    }

    private final Path realRoot;
    private final List<Problem> problems;
    private final Set<Path> visitedDirs = new HashSet<>();
    private final List<ManifestFile> found = new ArrayList<>();

    private ManifestFiles(Path realRoot, List<Problem> problems) {
        this.realRoot = realRoot;
        this.problems = problems;
    }

    /**
     * @param realRoot the real path of the repository root
     * @param start    a directory or file inside it (from {@link PathSafety#resolveSubPath})
     * @param problems receives a problem for each symlink out of the repository and each unreadable entry
     */
    static List<ManifestFile> list(Path realRoot, Path start, List<Problem> problems) {
        ManifestFiles walk = new ManifestFiles(realRoot, problems);
        walk.visit(start, true);
        List<ManifestFile> sorted = new ArrayList<>(walk.found);
        sorted.sort(Comparator.comparing(ManifestFile::relative));
        Set<Path> seen = new HashSet<>();
        sorted.removeIf(f -> !seen.add(f.real()));
        return sorted;
    }

    static boolean isManifestName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
    }

    private void visit(Path path, boolean explicit) {
        String rel = PathSafety.relative(realRoot, path);
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            problems.add(Problem.error(null, Origin.of(rel, 0), "cannot read: " + e.getClass().getSimpleName(),
                    "check the file permissions"));
            return;
        }
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            if (isManifestName(name)) {
                problems.add(Problem.warning(null, Origin.of(rel, 0), "broken symlink, skipped",
                        "point the symlink at an existing file or remove it"));
            }
            return;
        }
        if (attrs.isSymbolicLink() && !PathSafety.isInside(realRoot, real)) {
            problems.add(Problem.error(null, Origin.of(rel, 0),
                    "symlink points outside the repository, not followed",
                    "symlinks may only point at files inside the repository; copy the file into the repository"));
            return;
        }
        if (Files.isDirectory(real)) {
            if (!explicit && attrs.isSymbolicLink() && isLoop(path, real)) {
                problems.add(Problem.warning(null, Origin.of(rel, 0), "symlink loop: this link points to "
                                + displayName(PathSafety.relative(realRoot, real))
                                + ", a folder that contains the link; not followed",
                        "remove the symlink; the files it would reach are loaded through their own path"));
                return;
            }
            boolean hidden = !explicit && name.startsWith(".");
            if (hidden || !visitedDirs.add(real)) {
                return;
            }
            for (Path child : children(path, rel)) {
                visit(child, false);
            }
        } else if (Files.isRegularFile(real) && (explicit || (isManifestName(name) && !name.startsWith(".")))) {
            found.add(new ManifestFile(path, real, rel));
        }
    }

    private static String displayName(String relative) {
        return relative.equals(".") ? "the repository root" : relative;
    }

    /** A link to a directory that contains the link itself (e.g. {@code zz-loop -> .}). */
    private static boolean isLoop(Path link, Path realTarget) {
        Path parent = link.toAbsolutePath().getParent();
        try {
            return parent != null && parent.toRealPath().startsWith(realTarget);
        } catch (IOException e) {
            return false;
        }
    }

    private List<Path> children(Path dir, String rel) {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(children::add);
        } catch (IOException e) {
            problems.add(Problem.error(null, Origin.of(rel, 0), "cannot list directory: " + e.getClass().getSimpleName(),
                    "check the directory permissions"));
        }
        children.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return children;
    }
}
