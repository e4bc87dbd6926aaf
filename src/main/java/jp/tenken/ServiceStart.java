package jp.tenken;

import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;
import jp.tenken.source.StartFailure;

/**
 * Micronaut as {@code java -jar} starts the service, except when a broken file (a rule, checklist or
 * organization file) stops the start: then each problem is printed once, in one line with file and
 * line, and the process exits with {@link #EXIT_BROKEN_FILE}. Left to itself Micronaut logs the
 * BeanInstantiationException with its stack, so the message appears three times (its own, the
 * wrapper's, the cause's) between frames that say nothing to an operator.
 */
final class ServiceStart extends Micronaut {

    /** The code Micronaut exits with when the start fails for another reason too. */
    static final int EXIT_BROKEN_FILE = 1;

    ServiceStart(String[] args) {
        args(args);
        mainClass(Application.class);
    }

    @Override
    protected void handleStartupException(Environment environment, Throwable exception) {
        if (StartFailure.report(exception, System.err)) {
            System.exit(EXIT_BROKEN_FILE);
        }
        // Any other failure is a fault of the service, not of its files: its stack trace helps.
        super.handleStartupException(environment, exception);
    }
}
