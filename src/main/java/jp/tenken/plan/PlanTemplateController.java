package jp.tenken.plan;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import jp.tenken.account.Caller;
import jp.tenken.spreadsheet.Xlsx;

/**
 * {@code GET /api/v1/templates/plan.xlsx} (CONTRACT §9): the empty plan workbook ({@link PlanSheets})
 * with its instructions sheet, for any signed-in user (templates are part of the catalogue).
 */
@Controller("/api/v1/templates")
class PlanTemplateController {

    private final PlanService plans;

    PlanTemplateController(PlanService plans) {
        this.plans = plans;
    }

    @Get(value = "/plan.xlsx", produces = Xlsx.MEDIA_TYPE)
    HttpResponse<byte[]> plan(Caller caller) {
        return HttpResponse.ok(plans.template(caller)).contentType(Xlsx.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"plan.xlsx\"; filename*=UTF-8''"
                        + "%E8%A8%88%E7%94%BB.xlsx");
    }
}
