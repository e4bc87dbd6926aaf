package jp.tenken.cli;

import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import jp.tenken.source.StartFailure;
import picocli.CommandLine;

import java.util.Set;

/**
 * Runs a command of the jar. The command-line context is a plain application context in the
 * {@code cli} environment: it compiles the rules and reads the registry, and starts neither the
 * HTTP server nor the database.
 */
public final class CommandLineMain {

    /** Exit code when the input cannot be evaluated at all (unreadable file, invalid document, broken rules). */
    public static final int EXIT_UNUSABLE = 2;

    private static final Set<String> COMMANDS = Set.of("check-plan", "check-inspection", "smoke", "bench", "help", "--help", "-h", "--version", "-V");

    private CommandLineMain() {
    }

    /**
     * Whether the arguments name a command rather than the service's options: any first word that
     * is not an option ({@code --micronaut.server.port=…}) is taken as a command, so that a
     * mistyped one ({@code chek-plan}) is reported as unknown instead of starting the service.
     */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && (COMMANDS.contains(args[0]) || !args[0].startsWith("-"));
    }

    public static int run(String[] args) {
        try (ApplicationContext context = ApplicationContext.builder()
                .environments(Environment.CLI)
                .banner(false)
                .start()) {
            CommandLine commandLine = new CommandLine(TenkenCommand.class, new MicronautFactory(context));
            return commandLine
                    .setParameterExceptionHandler(new UnknownCommand(commandLine.getParameterExceptionHandler()))
                    .setExecutionExceptionHandler((exception, command, parseResult) -> {
                        // Exit code 1 means "an ERROR finding"; a failure to evaluate is 2, in one line.
                        System.err.println("tenken: " + String.valueOf(exception.getMessage()).lines().findFirst().orElse(""));
                        return EXIT_UNUSABLE;
                    })
                    .execute(args);
        } catch (RuntimeException e) {
            // A broken rule, checklist or organization file: one line per problem with file and line,
            // as the service prints it, rather than the message of whichever wrapper caught it.
            if (!StartFailure.report(e, System.err)) {
                System.err.println("tenken: " + e.getMessage());
            }
            return EXIT_UNUSABLE;
        }
    }
}
