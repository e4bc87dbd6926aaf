package jp.tenken.cli;

import picocli.CommandLine.Command;

/** The command-line face of Tenken; see the subcommands. */
@Command(name = "tenken", mixinStandardHelpOptions = true, version = "tenken 0.1.0",
        description = "Tenken: rule-driven compliance checks for municipal plans and security self-inspections.",
        footer = {"", "None of these commands starts the service: `java -jar tenken-0.1.0.jar` without a command does.",
                "An unknown command is an error (exit code 2)."},
        subcommands = {CheckPlanCommand.class, CheckInspectionCommand.class, SmokeCommand.class, jp.tenken.bench.BenchCommand.class, picocli.CommandLine.HelpCommand.class})
public class TenkenCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }
}
