package jp.tenken;

import jp.tenken.cli.CommandLineMain;
import jp.tenken.engine.RuleBasePreload;
import jp.tenken.text.JapaneseWords;

import java.nio.file.Path;

/**
 * One jar, two faces: {@code java -jar tenken.jar check-plan FILE} runs a command and exits;
 * anything else starts the HTTP service.
 */
public class Application {

    public static void main(String[] args) {
        boolean command = CommandLineMain.isCommand(args);
        if (command) {
            // A command prints findings, not start-up chatter; set before the first logger exists.
            System.setProperty("tenken.log.level", "warn");
        }
        RuleBasePreload.start(Path.of(configuredRulesDir()));
        if (!command) {
            JapaneseWords.startLoading(); // the dictionaries of the evaluation tracing, beside the rules
        }
        if (command) {
            System.exit(CommandLineMain.run(args));
        }
        new ServiceStart(args).start();
    }

    /**
     * The rules folder as the context will resolve it, read before the context exists so the
     * rules can compile meanwhile; if configuration names another folder, that one is compiled then.
     */
    private static String configuredRulesDir() {
        String fromProperty = System.getProperty("tenken.rules-dir");
        String fromEnvironment = System.getenv("TENKEN_RULES_DIR");
        return fromProperty != null ? fromProperty : fromEnvironment != null ? fromEnvironment : "rules";
    }
}
