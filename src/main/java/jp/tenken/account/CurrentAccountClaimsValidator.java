package jp.tenken.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * A login cookie (a signed JWT) is accepted only while its user exists and is enabled, and only if
 * it was issued after the user's password last changed: a disabled account or a changed password
 * ends every session at once, on every instance, although the cookie itself is still validly
 * signed. Read from the database on each request; the account found is left on the request for
 * {@link CallerBinder}.
 */
@Singleton
class CurrentAccountClaimsValidator implements GenericJwtClaimsValidator<HttpRequest<?>> {

    private final UserStore users;

    CurrentAccountClaimsValidator(UserStore users) {
        this.users = users;
    }

    @Override
    public boolean validate(Claims claims, @Nullable HttpRequest<?> request) {
        Object subject = claims.get(Claims.SUBJECT);
        if (!(subject instanceof String username) || !AccountFields.isPossibleUsername(username)) {
            return false;
        }
        // The failures are not needed here; the window's start is any instant.
        UserStore.LoginRecord record = users.loginRecord(username, Instant.now());
        Optional<Account> account = record.account();
        if (account.isEmpty() || !account.get().enabled()) {
            return false;
        }
        Optional<Instant> changed = Optional.ofNullable(record.credentialsChangedAt());
        Instant issued = issuedAt(claims);
        if (changed.isPresent() && (issued == null || !issued.isAfter(changed.get()))) {
            return false;
        }
        if (request != null) {
            request.setAttribute(CallerBinder.ACCOUNT_ATTRIBUTE, account.get());
        }
        return true;
    }

    /**
     * When the login happened: the millisecond claim of {@link AccountAuthenticationProvider}, as the
     * standard "iat" has whole seconds only and would refuse a login made in the second of a change.
     */
    private static Instant issuedAt(Claims claims) {
        if (claims.get(AccountAuthenticationProvider.LOGIN_MILLIS_CLAIM) instanceof Number millis) {
            return Instant.ofEpochMilli(millis.longValue());
        }
        Object value = claims.get(Claims.ISSUED_AT);
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof Number seconds) {
            return Instant.ofEpochSecond(seconds.longValue());
        }
        return null;
    }
}
