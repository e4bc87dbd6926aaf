package jp.tenken.source;

import java.io.PrintStream;
import java.util.Optional;

/**
 * How a start stopped by a broken file tells the operator: one line per problem on stderr, naming
 * file and line, and nothing else. The stack frames and the wrapping exceptions of the framework
 * would say the same thing three times and bury the line that matters.
 */
public final class StartFailure {

    public static final String PREFIX = "起動できません: ";

    private StartFailure() {
    }

    /** Prints the problems if {@code failure} comes from a broken file, and says whether it did. */
    public static boolean report(Throwable failure, PrintStream err) {
        Optional<SourceException> source = SourceException.in(failure);
        source.ifPresent(s -> s.problems().forEach(problem -> err.println(PREFIX + problem)));
        err.flush();
        return source.isPresent();
    }
}
