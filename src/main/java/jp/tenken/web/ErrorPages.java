package jp.tenken.web;

import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.views.ViewsRenderer;
import jp.tenken.api.ErrorResponse;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A refusal or failure of a page (anything outside /api, asked for by a browser) is shown as a Japanese page in the
 * service's look, never as JSON or a stack trace: the API's error body (code and message, which
 * already say what went wrong in Japanese) rendered with {@code views/error/page.html}. The API
 * and /health (for machines) keep their JSON answers.
 */
// Pages only: an API request never runs this filter (each filter costs every request a little).
@ServerFilter(value = "^(?!/api/).*$", patternStyle = FilterPatternStyle.REGEX)
class ErrorPages implements Ordered {

    private final ViewsRenderer<Map<String, Object>, HttpRequest<?>> renderer;

    ErrorPages(ViewsRenderer<Map<String, Object>, HttpRequest<?>> renderer) {
        this.renderer = renderer;
    }

    /**
     * First of all filters, so that its response filter sees every answer last, refusals that a
     * filter answers itself included (the CSRF check's 403, which was sent to the browser as JSON).
     */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }

    @ResponseFilter
    void render(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getPath().startsWith("/api/") || request.getPath().equals("/health") || !asksForHtml(request)
                || response.code() < 400
                || !(response.getBody().orElse(null) instanceof ErrorResponse error)) {
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("status", response.code());
        model.put("heading", heading(response.code()));
        model.put("message", error.message());
        model.put("violations", error.violations().stream().map(v -> (v.path().isEmpty() ? "" : v.path() + ": ") + v.message()).toList());
        Writable page = (Writable) renderer.render("error/page", model, request);
        StringWriter html = new StringWriter();
        try {
            page.writeTo(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ((MutableHttpResponse<Object>) response).body(html.toString()).contentType(MediaType.TEXT_HTML + ";charset=utf-8");
    }

    /** A browser asks for text/html by name; a program asking for anything (curl sends any type) keeps the JSON. */
    private static boolean asksForHtml(HttpRequest<?> request) {
        return request.accept().stream().anyMatch(type -> "text".equals(type.getType()) && "html".equals(type.getSubtype()));
    }

    private static String heading(int status) {
        return switch (status) {
            case 403 -> "この操作は許可されていません";
            case 404 -> "ページが見つかりません";
            case 405 -> "この方法では使えません";
            case 413 -> "送信された内容が大きすぎます";
            case 429 -> "しばらく待ってからお試しください";
            case 503 -> "ただいま混み合っています";
            default -> status >= 500 ? "サーバーでエラーが起きました" : "リクエストを処理できませんでした";
        };
    }
}
