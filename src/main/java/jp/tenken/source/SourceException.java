package jp.tenken.source;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A file the service reads at start (rules, checklists, organization data) is broken. Each problem
 * is one line that begins with the file and, where it has one, the line ({@code rules/plan/X.drl:12: …}),
 * so the start can print the problems as they are and an editor can jump to each.
 */
public class SourceException extends RuntimeException {

    private final List<String> problems;

    /** One problem, {@code file:line: what} (or {@code file: what} for a file that has no line to name). */
    public SourceException(String problem) {
        this(null, List.of(problem), null);
    }

    public SourceException(String problem, Throwable cause) {
        this(null, List.of(problem), cause);
    }

    /** Several problems under a heading ({@code rules do not compile}). */
    public SourceException(String heading, List<String> problems) {
        this(heading, problems, null);
    }

    public SourceException(String heading, List<String> problems, Throwable cause) {
        super(message(heading, oneLines(problems)), cause);
        this.problems = oneLines(problems);
    }

    /** Each problem in one line, beginning with its file. */
    public List<String> problems() {
        return problems;
    }

    /**
     * The broken file behind a failure, if that is what it is: Micronaut wraps what a factory throws
     * in its own exceptions, and picocli wraps Micronaut's.
     */
    public static Optional<SourceException> in(Throwable failure) {
        Throwable cause = failure;
        // Bounded, as a chain of causes may (wrongly) loop.
        for (int depth = 0; cause != null && depth < 32; depth++, cause = cause.getCause()) {
            if (cause instanceof SourceException source) {
                return Optional.of(source);
            }
        }
        return Optional.empty();
    }

    /**
     * A problem in one line. Drools and snakeyaml explain over several lines, with a caret under the
     * spot in a copy of the source; the caret means nothing once the lines are joined, so it goes.
     */
    private static List<String> oneLines(List<String> problems) {
        return problems.stream().map(SourceException::oneLine).toList();
    }

    private static String message(String heading, List<String> lines) {
        return heading == null ? String.join("\n", lines) : heading + ":\n  " + String.join("\n  ", lines);
    }

    static String oneLine(String problem) {
        return problem.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.equals("^"))
                .collect(Collectors.joining(" "))
                .replaceAll("\\s+", " ");
    }
}
