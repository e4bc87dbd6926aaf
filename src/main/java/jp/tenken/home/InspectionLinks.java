package jp.tenken.home;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Links to a department's self-inspection form, its Japanese name percent-encoded. */
final class InspectionLinks {

    private InspectionLinks() {
    }

    static String form(String department, int fiscalYear) {
        return "/inspections/form?department=" + URLEncoder.encode(department, StandardCharsets.UTF_8) + "&fiscalYear=" + fiscalYear;
    }
}
