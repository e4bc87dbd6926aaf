package jp.tenken;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import jp.tenken.cli.CommandLineMain;
import jp.tenken.engine.RuleBasePreload;
import jp.tenken.text.JapaneseWords;

import java.nio.file.Path;

/**
 * One jar, two faces: {@code java -jar tenken.jar check-plan FILE} runs a command and exits;
 * anything else starts the HTTP service.
 */
@OpenAPIDefinition(
        info = @Info(title = "Tenken", version = "0.1",
                description = "Rule-driven compliance and security-checklist checks for Japanese local governments:"
                        + " plans, self-inspections, audits, the compliance list. Every /api/v1 endpoint needs a user"
                        + " (HTTP Basic for API clients); what each role may do is the permission table of the README."),
        security = @SecurityRequirement(name = "basic"))
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
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
