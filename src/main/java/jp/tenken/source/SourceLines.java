package jp.tenken.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each node of a YAML (or JSON) file begins, by JSON Pointer ({@code /departments/2/aliases/0}),
 * so that a problem found in the data after it was read can still name its line. Jackson's tree and
 * records forget where their values came from, so the lines are taken from a pass over the tokens.
 */
public final class SourceLines {

    /** By the pointer's text: pointers of one path built in different ways need not be equal objects. */
    private final Map<String, Integer> lines;

    private SourceLines(Map<String, Integer> lines) {
        this.lines = lines;
    }

    /** Reads every token of {@code parser} (and closes it); a syntax error is thrown with its location. */
    static SourceLines of(JsonParser parser) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        try (parser) {
            while (parser.nextToken() != null) {
                // A field name and its value share a pointer: the first token, the key, gives the line.
                lines.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(), parser.currentTokenLocation().getLineNr());
            }
        }
        return new SourceLines(lines);
    }

    /** Whether the file holds no value at all (nothing, or only comments). */
    boolean isEmpty() {
        return lines.isEmpty();
    }

    /**
     * The line where {@code node} begins; for a node that is absent (a missing field), the line of
     * the nearest enclosing node that is present, so "id is required" points at its object.
     */
    public int lineOf(JsonPointer node) {
        for (JsonPointer at = node; at != null; at = at.head()) {
            Integer line = lines.get(at.toString());
            if (line != null) {
                return line;
            }
        }
        return 1;
    }
}
