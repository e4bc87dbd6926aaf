package jp.tenken.api;

import io.micronaut.core.annotation.NonBlocking;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.util.Map;

/** Answers 200 once the service is up; the rule base is compiled before the server starts listening. */
@Controller("/health")
@NonBlocking // answered on the event loop: it never waits for a worker thread busy with a document
class HealthController {

    @Get
    Map<String, String> health() {
        return Map.of("status", "UP");
    }
}
