package jp.tenken.inspection;

import jp.tenken.activity.ActivityLog;
import jp.tenken.checklist.Checklist;
import jp.tenken.checklist.ChecklistRegistry;
import jp.tenken.waiver.JdbcWaiverStore;
import jp.tenken.waiver.WaiverApplier;

import javax.sql.DataSource;
import java.util.Map;

/** Waivers for services built outside the application context: the database's, over one checklist. */
final class TestWaivers {

    private TestWaivers() {
    }

    static InspectionWaivers over(DataSource dataSource, ActivityLog activity, Checklist checklist) {
        return new InspectionWaivers(new WaiverApplier(new JdbcWaiverStore(dataSource, activity)),
                new ChecklistRegistry(Map.of(checklist.id(), checklist)));
    }
}
