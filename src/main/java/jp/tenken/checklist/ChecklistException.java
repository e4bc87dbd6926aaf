package jp.tenken.checklist;

/** A checklist file that breaks the rules for checklists; the message names the file and the item. */
public class ChecklistException extends RuntimeException {
    public ChecklistException(String message) {
        super(message);
    }
}
