package jp.tenken;

import io.micronaut.runtime.Micronaut;
import jp.tenken.cli.CommandLineMain;

/**
 * One jar, two faces: {@code java -jar tenken.jar check-plan FILE} runs a command and exits;
 * anything else starts the HTTP service.
 */
public class Application {

    public static void main(String[] args) {
        if (CommandLineMain.isCommand(args)) {
            // A command prints findings, not start-up chatter; set before the first logger exists.
            System.setProperty("tenken.log.level", "warn");
            System.exit(CommandLineMain.run(args));
        }
        Micronaut.build(args).mainClass(Application.class).start();
    }
}
