package jp.tenken.engine;

import jp.tenken.source.SourceException;

import java.util.List;

/** The rules folder cannot be turned into a rule base; each problem names the file and, where it has one, the line. */
public class RuleBaseException extends SourceException {
    public RuleBaseException(String problem) {
        super(problem);
    }

    public RuleBaseException(String problem, Throwable cause) {
        super(problem, cause);
    }

    /** Several problems under a heading ({@code rules do not compile}), one line each. */
    public RuleBaseException(String heading, List<String> problems) {
        super(heading, problems);
    }
}
