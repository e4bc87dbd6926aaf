package jp.tenken.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import jp.tenken.api.Requests;
import jp.tenken.document.DocumentReader;

/** The logged-in user itself (CONTRACT §7): any user may read itself and change its own password. */
@Controller("/api/v1/me")
class MeController {

    private final DocumentReader reader;
    private final AccountService accounts;

    MeController(DocumentReader reader, AccountService accounts) {
        this.reader = reader;
        this.accounts = accounts;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    UserView me(Caller caller) {
        return UserView.of(caller.account());
    }

    /** {@code {"currentPassword", "newPassword"}}: 204 once changed; the old password stops working at once. */
    @Post(value = "/password", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    HttpResponse<Void> changePassword(HttpRequest<?> request, Caller caller, @Body @Nullable byte[] body) {
        PasswordChange change = reader.read(body, Requests.format(request), PasswordChange.class);
        accounts.changeOwnPassword(caller, change);
        return HttpResponse.noContent();
    }
}
