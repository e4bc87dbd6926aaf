package jp.tenken.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jp.tenken.document.DocumentReader;
import jp.tenken.engine.Language;
import jp.tenken.engine.RuleBase;
import jp.tenken.engine.Severity;
import jp.tenken.plan.PlanCheck;
import jp.tenken.plan.PlanCheckResponse;
import jp.tenken.plan.PlanChecker;
import jp.tenken.plan.PlanDocument;
import jp.tenken.plan.PlanWorkbookReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code check-plan FILE}: checks a plan file (JSON, YAML, or the plan workbook when the name ends
 * in {@code .xlsx}) without a server or database; exit 0, 1 (an ERROR) or 2.
 * Without a database there are no audit records, so the one rule that compares with them is silent.
 */
@Command(name = "check-plan", mixinStandardHelpOptions = true,
        description = {"Checks a plan file (JSON, YAML or the plan workbook .xlsx) against the plan rules and prints the findings.",
                "The command line has no audit records: PLAN-AUDIT-COUNT-VS-RECORDS (the plan's audited-department"
                        + " counts against the recorded audits) stays silent here; the service checks it"
                        + " (POST /api/v1/plans/check, POST /api/v1/plans)."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:no ERROR finding", "1:at least one ERROR finding", "2:the file cannot be read or is not a valid plan"})
public class CheckPlanCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "the plan, .json, .yaml or .xlsx")
    Path file;

    @Mixin
    OutputOptions output;

    @Inject
    DocumentReader reader;
    @Inject
    PlanWorkbookReader workbooks;
    @Inject
    PlanChecker checker;
    @Inject
    RuleBase ruleBase;
    @Inject
    ObjectMapper objectMapper;

    /**
     * Rows of one sheet of a workbook on the command line: a file on its user's own machine may be
     * larger than the service takes (as it may hold any number of initiatives).
     */
    static final int WORKBOOK_ROWS = 1_000_000;

    private boolean workbook() {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx");
    }

    @Override
    public Integer call() throws IOException {
        Language language = output.language();
        Optional<PlanCheck> evaluated = DocumentFile.evaluate(file, language,
                (bytes, notation) -> checker.check(workbook() ? workbooks.read(bytes, WORKBOOK_ROWS).plan()
                        : reader.read(bytes, notation, PlanDocument.class)));
        if (evaluated.isEmpty()) {
            return CommandLineMain.EXIT_UNUSABLE;
        }
        PlanCheck check = evaluated.get();
        PlanCheckResponse response = PlanCheckResponse.of(check, ruleBase.messages(), language);
        if (output.json()) {
            DocumentFile.printJson(objectMapper, response);
        } else {
            FindingPrinter.print(System.out, response.findings(), response.summary(), language);
        }
        return check.findings().stream().anyMatch(f -> f.severity() == Severity.ERROR) ? 1 : 0;
    }
}
