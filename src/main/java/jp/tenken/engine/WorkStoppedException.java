package jp.tenken.engine;

/** The work of a request was stopped before it finished: nothing of it is stored or answered. */
public final class WorkStoppedException extends RuntimeException {

    private final WorkBudget.Stop reason;

    public WorkStoppedException(WorkBudget.Stop reason) {
        super("work stopped: " + reason, null, false, false);
        this.reason = reason;
    }

    public WorkBudget.Stop reason() {
        return reason;
    }
}
