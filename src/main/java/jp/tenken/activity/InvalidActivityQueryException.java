package jp.tenken.activity;

/**
 * A listing asked for with a value outside what it accepts; names the parameter so that the
 * endpoint to come can answer 400 naming it, as every other bad field is answered.
 */
public class InvalidActivityQueryException extends IllegalArgumentException {

    private final String parameter;

    public InvalidActivityQueryException(String parameter, String message) {
        super(parameter + ": " + message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
