package nl.notaris.portal.keycloak.twofactor;

import java.util.Optional;
import java.util.function.Supplier;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.forms.login.LoginFormsProvider;

/**
 * The answer to a post of the code page ({@link SmsCodePage}), the same for signing in, setting up a number and
 * switching SMS off: "Code opnieuw versturen" ({@value SmsCodePage#RESEND}) sends a new code to the number and
 * says whether it went; otherwise the typed code ({@value SmsCodePage#CODE}) is checked, and when it is not
 * taken the page says why. The form comes from the supplier only when there is something to show, after the
 * code was sent or checked (Keycloak's {@code form()} renews the page's action code).
 */
public final class SmsCodeReply {

    /** What a reply needs of {@link SmsCodeMessenger}: sending a code and checking one. */
    public interface Codes {

        SmsCodeMessenger.SendResult send(String e164Number);

        /** Empty when no code was sent; a right code is used up. */
        Optional<SmsCodeChallenge.Check> check(String typed);
    }

    private final Optional<SmsCodeChallenge.Check> check;
    private final LoginFormsProvider form;

    private SmsCodeReply(Optional<SmsCodeChallenge.Check> check, LoginFormsProvider form) {
        this.check = check;
        this.form = form;
    }

    /** A new code when the page asked for one, else the check of the code typed. */
    public static SmsCodeReply to(MultivaluedMap<String, String> params, Codes codes, String e164Number,
            Supplier<LoginFormsProvider> form) {
        return params.containsKey(SmsCodePage.RESEND) ? resend(codes, e164Number, form)
                : check(codes, params.getFirst(SmsCodePage.CODE), form);
    }

    /** Sends a new code to the number: the page says it was sent, or why not. */
    public static SmsCodeReply resend(Codes codes, String e164Number, Supplier<LoginFormsProvider> form) {
        SmsCodeMessenger.SendResult result = codes.send(e164Number);
        LoginFormsProvider page = form.get();
        if (result.sent()) {
            page.setSuccess(TwoFactorMessages.CODE_RESENT);
        } else {
            result.explainOn(page);
        }
        return new SmsCodeReply(Optional.empty(), page);
    }

    /** Checks the code typed; when it is not taken, the page says why. */
    public static SmsCodeReply check(Codes codes, String typed, Supplier<LoginFormsProvider> form) {
        Optional<SmsCodeChallenge.Check> check = codes.check(typed);
        if (check.isPresent() && check.get().outcome() == SmsCodeChallenge.Outcome.ACCEPTED) {
            return new SmsCodeReply(check, null);
        }
        return new SmsCodeReply(check, SmsCodePage.explain(check, typed, form.get()));
    }

    /** The right code was typed (and is used up): nothing to show. */
    public boolean accepted() {
        return form == null;
    }

    /** A wrong code was typed: a failed try, also for Keycloak's brute-force protection. */
    public boolean wrongTry() {
        return check.map(SmsCodeChallenge.Check::wrongTry).orElse(false);
    }

    /** The form of the code page to show again, with what it says; {@code null} once {@link #accepted()}. */
    public LoginFormsProvider form() {
        return form;
    }
}
