package jp.tenken.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jp.tenken.api.FindingView;
import jp.tenken.api.Summary;
import jp.tenken.document.DocumentReader;
import jp.tenken.engine.Language;
import jp.tenken.engine.RuleBase;
import jp.tenken.engine.Severity;
import jp.tenken.inspection.InspectionCheck;
import jp.tenken.inspection.InspectionChecker;
import jp.tenken.inspection.InspectionSubmission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code check-inspection FILE}: checks a self-inspection against the checklists without a server
 * or database (so without SI-REPEATED-FAILURE, which needs last year's submission); exit 0, 1 or 2.
 */
@Command(name = "check-inspection", mixinStandardHelpOptions = true,
        description = "Checks a self-inspection file (JSON or YAML) against its checklist and prints the findings.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:no ERROR finding", "1:at least one ERROR finding",
                "2:the file cannot be read or is not a valid self-inspection"})
public class CheckInspectionCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "the self-inspection, .json or .yaml")
    Path file;

    @Mixin
    OutputOptions output;

    @Inject
    DocumentReader reader;
    @Inject
    InspectionChecker checker;
    @Inject
    RuleBase ruleBase;
    @Inject
    ObjectMapper objectMapper;

    @Override
    public Integer call() throws IOException {
        Language language = output.language();
        Optional<InspectionCheck> evaluated = DocumentFile.evaluate(file, language,
                (bytes, notation) -> checker.check(reader.read(bytes, notation, InspectionSubmission.class), List.of()));
        if (evaluated.isEmpty()) {
            return CommandLineMain.EXIT_UNUSABLE;
        }
        InspectionCheck check = evaluated.get();
        List<FindingView> findings = FindingView.of(check.findings(), ruleBase.messages(), language);
        Summary summary = Summary.of(check.findings());
        if (output.json()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("department", check.department());
            body.put("fiscalYear", check.submission().fiscalYear());
            body.put("status", check.status());
            body.put("rulesVersion", check.rulesVersion());
            body.put("summary", summary);
            body.put("findings", findings);
            DocumentFile.printJson(objectMapper, body);
        } else {
            System.out.println(check.department() + " " + check.submission().fiscalYear() + ": " + check.status());
            FindingPrinter.print(System.out, findings, summary, language);
        }
        return check.findings().stream().anyMatch(f -> f.severity() == Severity.ERROR) ? 1 : 0;
    }
}
