package dev.marking.core.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads the raw YAML tree with line numbers, so every error names the key and line. */
final class YamlNodes {

    private final String file;

    YamlNodes(String file) {
        this.file = file;
    }

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    PolicyException error(Node node, String key, String message) {
        return new PolicyException(file + ":" + line(node) + ": " + key + ": " + message);
    }

    /** The entries of a mapping, keys checked against {@code known}. */
    Map<String, Node> mapping(Node node, String key, Set<String> known) throws PolicyException {
        if (!(node instanceof MappingNode m)) {
            throw error(node, key, "expected a mapping of keys to values");
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String k = scalar(t.getKeyNode(), key);
            String path = key.isEmpty() ? k : key + "." + k;
            if (known != null && !known.contains(k)) {
                throw error(t.getKeyNode(), path, "unknown key (known: " + String.join(", ", sorted(known)) + ")");
            }
            if (out.put(k, t.getValueNode()) != null) {
                throw error(t.getKeyNode(), path, "given twice");
            }
        }
        return out;
    }

    List<Node> sequence(Node node, String key) throws PolicyException {
        if (!(node instanceof SequenceNode s)) {
            throw error(node, key, "expected a list");
        }
        return s.getValue();
    }

    String scalar(Node node, String key) throws PolicyException {
        if (!(node instanceof ScalarNode s)) {
            throw error(node, key, "expected a single value");
        }
        return s.getValue();
    }

    /** A non-empty string. */
    String text(Node node, String key) throws PolicyException {
        String v = scalar(node, key).strip();
        if (v.isEmpty()) {
            throw error(node, key, "must not be empty");
        }
        return v;
    }

    List<String> strings(Node node, String key) throws PolicyException {
        List<String> out = new ArrayList<>();
        for (Node n : sequence(node, key)) {
            out.add(text(n, key));
        }
        return out;
    }

    boolean bool(Node node, String key) throws PolicyException {
        String v = scalar(node, key).strip();
        if (!v.equals("true") && !v.equals("false")) {
            throw error(node, key, "expected true or false, not '" + v + "'");
        }
        return Boolean.parseBoolean(v);
    }

    /** One of {@code allowed}. */
    String choice(Node node, String key, List<String> allowed) throws PolicyException {
        String v = scalar(node, key).strip();
        if (!allowed.contains(v)) {
            throw error(node, key, "expected one of " + String.join(", ", allowed) + ", not '" + v + "'");
        }
        return v;
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }
}
