package jp.tenken.checklist;

import jp.tenken.source.SourceException;

import java.util.List;

/** A checklist file that breaks the rules for checklists; each problem names the file, line and item. */
public class ChecklistException extends SourceException {
    public ChecklistException(String problem) {
        super(problem);
    }

    public ChecklistException(String heading, List<String> problems) {
        super(heading, problems);
    }
}
