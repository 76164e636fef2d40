package nl.notaris.portal.keycloak.twofactor;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import nl.notaris.portal.phonenumbers.PhoneNumbers;

import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;

/**
 * The page {@value #TEMPLATE}: "type the code from the text message", for signing in, setting up a
 * number and switching SMS off. Its form posts {@value #CODE} with one of the buttons {@value #SUBMIT},
 * {@value #RESEND}, {@value #USE_RECOVERY_CODE}, {@value #OTHER_NUMBER} (or Keycloak's {@code cancel-aia}).
 */
public final class SmsCodePage {

    public static final String TEMPLATE = "portal-sms-code.ftl";
    public static final String ATTRIBUTE = "portalSms";

    public static final String CODE = "code";
    public static final String SUBMIT = "login";
    public static final String RESEND = "resend";
    public static final String USE_RECOVERY_CODE = "use-recovery-code";
    public static final String OTHER_NUMBER = "other-number";

    private final Map<String, Object> model = new HashMap<>();

    private SmsCodePage(String purpose, String titleKey, String submitKey, String e164Number) {
        model.put("purpose", purpose);
        model.put("titleKey", titleKey);
        model.put("submitKey", submitKey);
        model.put("maskedNumber", PhoneNumbers.masked(e164Number));
        model.put("introKey", TwoFactorMessages.CODE_SENT_TO);
        model.put("recoveryCodeOffered", false);
        model.put("contactOffice", false);
        model.put("otherNumberOffered", false);
    }

    /**
     * Whether a code was sent in this sign-in (or setup); else the page says where the code will go
     * instead of "we have sent", and the reason it was not sent stands above it.
     */
    public SmsCodePage sent(boolean sent) {
        if (!sent && TwoFactorMessages.CODE_SENT_TO.equals(model.get("introKey"))) {
            model.put("introKey", TwoFactorMessages.CODE_GOES_TO);
        }
        return this;
    }

    /** Signing in: "Herstelcode gebruiken" when the user has a recovery code, else whom to ask. */
    public static SmsCodePage signIn(String e164Number, boolean hasRecoveryCode) {
        SmsCodePage page = new SmsCodePage("sign-in", TwoFactorMessages.SIGN_IN_TITLE, TwoFactorMessages.SIGN_IN_BUTTON,
                e164Number);
        page.model.put("recoveryCodeOffered", hasRecoveryCode);
        page.model.put("contactOffice", !hasRecoveryCode);
        return page;
    }

    public static SmsCodePage setup(String e164Number) {
        SmsCodePage page = new SmsCodePage("setup", TwoFactorMessages.SETUP_CODE_TITLE, TwoFactorMessages.CONFIRM_BUTTON,
                e164Number);
        page.model.put("otherNumberOffered", true);
        return page;
    }

    public static SmsCodePage disable(String e164Number) {
        SmsCodePage page = new SmsCodePage("disable", TwoFactorMessages.DISABLE_TITLE, TwoFactorMessages.DISABLE_BUTTON,
                e164Number);
        page.model.put("introKey", TwoFactorMessages.DISABLE_INTRO);
        return page;
    }

    public Response render(LoginFormsProvider form) {
        return form.setAttribute(ATTRIBUTE, model).createForm(TEMPLATE);
    }

    /**
     * Puts why a typed code was not accepted on the page (nothing for an accepted one).
     *
     * @param check empty when no code was sent in this session
     */
    public static LoginFormsProvider explain(Optional<SmsCodeChallenge.Check> check, String typed, LoginFormsProvider form) {
        if (check.isEmpty()) {
            return form.setError(TwoFactorMessages.CODE_NONE);
        }
        return switch (check.get().outcome()) {
            case ACCEPTED -> form;
            case MALFORMED -> form.addError(new FormMessage(CODE,
                    typed == null || typed.isBlank() ? TwoFactorMessages.CODE_MISSING : TwoFactorMessages.CODE_MALFORMED));
            case WRONG -> form.addError(new FormMessage(CODE, TwoFactorMessages.CODE_WRONG, check.get().triesLeft()));
            case LOCKED -> form.setError(TwoFactorMessages.CODE_LOCKED, SmsCodeChallenge.MAX_WRONG_TRIES);
            case EXPIRED -> form.setError(TwoFactorMessages.CODE_EXPIRED);
        };
    }
}
