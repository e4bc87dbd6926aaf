package jp.tenken.account;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Lets a controller or page declare {@code Caller caller}: the authenticated user of the request
 * with its account as stored now. The login checks ({@link AccountAuthenticationProvider},
 * {@link CurrentAccountClaimsValidator}) have already read the account in this request and left
 * it as a request attribute; otherwise it is read again, so a role or department changed a moment
 * ago applies at once.
 */
@Singleton
class CallerBinder implements TypedRequestArgumentBinder<Caller> {

    /** The request attribute holding the {@link Account} read while authenticating this request. */
    static final String ACCOUNT_ATTRIBUTE = "tenken.account";

    private final UserStore users;

    CallerBinder(UserStore users) {
        this.users = users;
    }

    @Override
    public Argument<Caller> argumentType() {
        return Argument.of(Caller.class);
    }

    @Override
    public BindingResult<Caller> bind(ArgumentConversionContext<Caller> context, HttpRequest<?> request) {
        Optional<Authentication> authentication = request.getUserPrincipal(Authentication.class);
        if (authentication.isEmpty()) {
            // Only an open route could get here; every /api/v1 route requires a login first.
            return BindingResult.unsatisfied();
        }
        Optional<Account> account = request.getAttribute(ACCOUNT_ATTRIBUTE, Account.class)
                .or(() -> users.find(authentication.get().getName()));
        return account.<BindingResult<Caller>>map(a -> () -> Optional.of(new Caller(a)))
                .orElse(BindingResult.unsatisfied());
    }
}
