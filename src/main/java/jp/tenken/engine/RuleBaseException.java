package jp.tenken.engine;

/** The rules folder cannot be turned into a rule base; the message names the file and line. */
public class RuleBaseException extends RuntimeException {
    public RuleBaseException(String message) {
        super(message);
    }

    public RuleBaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
