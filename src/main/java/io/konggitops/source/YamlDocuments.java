package io.konggitops.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.UnicodeReader;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses one manifest file into its documents (plain maps, lists and scalars), each with the line it starts on.
 *
 * <p>YAML goes through snakeyaml's composer and safe constructor (the YAML 1.1 rules Kubernetes' own YAML reader
 * follows: {@code yes}/{@code on} are booleans, merge keys {@code <<} work, duplicate keys are an error as with kubectl),
 * not through Jackson's YAML parser: Jackson 2 does not expand aliases ({@code *anchor} would read as the string
 * "anchor") and so never applies {@code LoaderOptions.maxAliasesForCollections}. Timestamps stay strings, as in
 * Kubernetes. Alias bombs are refused twice: by the composer's alias limit and by a check that the document, with every
 * alias expanded, is not much larger than the text (which also refuses recursive aliases). JSON files are read with
 * Jackson (strict duplicate detection), one or more top-level values per file.
 *
 * <p>A file is parsed all or nothing: a syntax error anywhere gives a {@link YamlSyntaxException} with its line and no
 * documents, so a half-read file never hides objects silently.
 */
final class YamlDocuments {
    /** Aliases to collections allowed per document (snakeyaml's default). */
    static final int MAX_ALIASES_FOR_COLLECTIONS = 50;
    /** Expanded nodes allowed beyond ten times the written nodes. */
    static final long EXPANSION_ALLOWANCE = 100_000;
    private static final int NESTING_DEPTH_LIMIT = 100;
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /**
     * One document: its value (null for an empty document), the 1-based line it starts on, and for a mapping with an
     * {@code items} sequence (a {@code List}), the line of each item (empty when unknown, e.g. for JSON).
     */
    record Document(Object value, int line, List<Integer> itemLines) {
        Document {
            itemLines = List.copyOf(itemLines);
        }
    }

    /** The file is not valid YAML/JSON, or was refused (alias bomb); {@link #line()} is 1-based, 0 when unknown. */
    static final class YamlSyntaxException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;

        YamlSyntaxException(String message, int line) {
            super(message, null, false, false);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    private YamlDocuments() {
    }

    static List<Document> read(Path file, long maxFileBytes) throws IOException, YamlSyntaxException {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".json") ? readJson(file) : readYaml(file, maxFileBytes);
    }

    static List<Document> readYaml(Path file, long maxFileBytes) throws IOException, YamlSyntaxException {
        LoaderOptions options = loaderOptions(maxFileBytes);
        KubeConstructor constructor = new KubeConstructor(options);
        Yaml yaml = new Yaml(constructor, new Representer(new DumperOptions()), new DumperOptions(), options,
                new Resolver());
        List<Document> documents = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); Reader reader = new UnicodeReader(in)) {
            for (Node node : yaml.composeAll(reader)) {
                int line = node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
                checkExpansion(node, line);
                Object value = constructor.construct(node);
                documents.add(new Document(value, line, itemLines(node)));
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new YamlSyntaxException(syntaxMessage(e), mark == null ? 0 : mark.getLine() + 1);
        } catch (YAMLException e) {
            String message = firstLine(e.getMessage());
            throw new YamlSyntaxException(message.contains("Number of aliases")
                    ? "too many YAML aliases (a YAML alias bomb?): " + message : "YAML error: " + message, 0);
        } catch (StackOverflowError e) {
            throw new YamlSyntaxException("YAML nested too deeply", 0);
        }
        return documents;
    }

    static LoaderOptions loaderOptions(long maxFileBytes) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES_FOR_COLLECTIONS);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(false);
        options.setNestingDepthLimit(NESTING_DEPTH_LIMIT);
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, Math.max(maxFileBytes, 1)));
        return options;
    }

    static List<Document> readJson(Path file) throws IOException, YamlSyntaxException {
        List<Document> documents = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(file.toFile())) {
            while (parser.nextToken() != null) {
                int line = parser.currentTokenLocation().getLineNr();
                Object value = parser.currentToken() == JsonToken.VALUE_NULL ? null : JSON.readValue(parser, Object.class);
                documents.add(new Document(value, line, List.of()));
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new YamlSyntaxException("JSON syntax error: " + firstLine(e.getOriginalMessage()), Math.max(line, 0));
        }
        return documents;
    }

    private static String syntaxMessage(MarkedYAMLException e) {
        String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
        if (problem != null && problem.contains("Number of aliases")) {
            return "too many YAML aliases (a YAML alias bomb?): " + firstLine(problem);
        }
        StringBuilder sb = new StringBuilder("YAML syntax error: ").append(firstLine(problem));
        if (e.getContext() != null && e.getProblem() != null) {
            sb.append(" (").append(firstLine(e.getContext())).append(')');
        }
        return sb.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    /** Refuses documents whose aliases expand far beyond their text, or refer to themselves. */
    private static void checkExpansion(Node root, int line) throws YamlSyntaxException {
        Map<Node, Long> sizes = new IdentityHashMap<>();
        Map<Node, Boolean> inProgress = new IdentityHashMap<>();
        long expanded = expandedSize(root, sizes, inProgress, line);
        long written = sizes.size();
        if (expanded > 10 * written + EXPANSION_ALLOWANCE) {
            throw new YamlSyntaxException("YAML aliases expand this document to " + expanded + " nodes from "
                    + written + " written (a YAML alias bomb?)", line);
        }
    }

    private static long expandedSize(Node node, Map<Node, Long> sizes, Map<Node, Boolean> inProgress, int line)
            throws YamlSyntaxException {
        Long known = sizes.get(node);
        if (known != null) {
            return known;
        }
        if (inProgress.put(node, Boolean.TRUE) != null) {
            throw new YamlSyntaxException("recursive YAML alias (an anchor used inside itself)",
                    node.getStartMark() == null ? line : node.getStartMark().getLine() + 1);
        }
        long size = 1;
        if (node instanceof SequenceNode seq) {
            for (Node child : seq.getValue()) {
                size = saturatedAdd(size, expandedSize(child, sizes, inProgress, line));
            }
        } else if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                size = saturatedAdd(size, expandedSize(t.getKeyNode(), sizes, inProgress, line));
                size = saturatedAdd(size, expandedSize(t.getValueNode(), sizes, inProgress, line));
            }
        }
        inProgress.remove(node);
        sizes.put(node, size);
        return size;
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }

    /** Lines of the entries of a top-level {@code items} sequence (for {@code kind: List}). */
    private static List<Integer> itemLines(Node root) {
        if (!(root instanceof MappingNode map)) {
            return List.of();
        }
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode key && "items".equals(key.getValue())
                    && t.getValueNode() instanceof SequenceNode seq) {
                List<Integer> lines = new ArrayList<>();
                for (Node item : seq.getValue()) {
                    lines.add(item.getStartMark() == null ? 0 : item.getStartMark().getLine() + 1);
                }
                return lines;
            }
        }
        return List.of();
    }

    /** snakeyaml's safe constructor, with timestamps kept as strings (as Kubernetes does). */
    private static final class KubeConstructor extends SafeConstructor {
        KubeConstructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
        }

        Object construct(Node node) {
            return constructDocument(node);
        }
    }
}
