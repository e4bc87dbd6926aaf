package jp.tenken.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.Map;

/**
 * A first word that names no command ({@code chek-plan}) is answered with the list of commands,
 * one a line, after picocli's "did you mean"; a newcomer who mistyped sees at once what exists.
 * Every other mistake in the arguments is left to picocli's own handler (the usage of the
 * command that was meant). Both exit 2.
 */
final class UnknownCommand implements IParameterExceptionHandler {

    private final IParameterExceptionHandler otherwise;

    UnknownCommand(IParameterExceptionHandler otherwise) {
        this.otherwise = otherwise;
    }

    @Override
    public int handleParseException(ParameterException exception, String[] args) throws Exception {
        CommandLine top = exception.getCommandLine();
        // Unmatched at the top: the first word, which Application took for a command, is none.
        if (!(exception instanceof UnmatchedArgumentException unmatched) || top.getParent() != null) {
            return otherwise.handleParseException(exception, args);
        }
        PrintWriter err = top.getErr();
        String word = args.length > 0 ? args[0] : "";
        err.println("tenken: " + word + " というコマンドはありません (unknown command: " + word + ")");
        UnmatchedArgumentException.printSuggestions(unmatched, err);
        err.println("コマンド (commands):");
        for (Map.Entry<String, CommandLine> command : top.getSubcommands().entrySet()) {
            err.printf("  %-18s %s%n", command.getKey(), summary(command.getValue()));
        }
        err.println("`--help` で詳しい使い方を表示します (`--help` shows the options).");
        err.flush();
        return CommandLineMain.EXIT_UNUSABLE;
    }

    /** The command's header if it has one (picocli's help command), else the first line of its description. */
    private static String summary(CommandLine command) {
        CommandLine.Model.UsageMessageSpec usage = command.getCommandSpec().usageMessage();
        String[] lines = usage.header().length > 0 ? usage.header() : usage.description();
        return lines.length == 0 ? "" : lines[0].replace("%n", " ").strip();
    }
}
