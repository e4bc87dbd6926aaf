package jp.tenken.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import jp.tenken.api.Requests;
import jp.tenken.document.DocumentReader;

import java.net.URI;
import java.util.List;

/**
 * The users API of CONTRACT §7 for ADMINs. A caller without the permission is refused before its
 * body is read, so it learns nothing about what it sent; the rest is {@link AccountService}.
 */
@Controller("/api/v1/users")
class UserController {

    private final DocumentReader reader;
    private final AccountService accounts;

    UserController(DocumentReader reader, AccountService accounts) {
        this.reader = reader;
        this.accounts = accounts;
    }

    @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    HttpResponse<UserView> create(HttpRequest<?> request, Caller caller, @Body @Nullable byte[] body) {
        caller.requireRole(Action.ADMINISTER);
        UserRequest user = reader.read(body, Requests.format(request), UserRequest.class);
        Account created = accounts.create(caller, user);
        return HttpResponse.created(UserView.of(created), URI.create("/api/v1/users/" + created.username()));
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    List<UserView> list(Caller caller) {
        return accounts.list(caller).stream().map(UserView::of).toList();
    }

    @Get(value = "/{username}", produces = MediaType.APPLICATION_JSON)
    UserView find(Caller caller, String username) {
        return UserView.of(accounts.find(caller, username));
    }

    @Put(value = "/{username}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    UserView update(HttpRequest<?> request, Caller caller, String username, @Body @Nullable byte[] body) {
        caller.requireRole(Action.ADMINISTER);
        UserRequest user = reader.read(body, Requests.format(request), UserRequest.class);
        return UserView.of(accounts.update(caller, username, user));
    }
}
