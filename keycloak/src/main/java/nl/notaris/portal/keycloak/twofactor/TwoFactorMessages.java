package nl.notaris.portal.keycloak.twofactor;

/** Message keys of the login theme "notary-portal" used by the two-step verification pages. */
public final class TwoFactorMessages {

    // Codes by text message
    public static final String CODE_SENT_TO = "portalSmsCodeSentTo";
    public static final String CODE_GOES_TO = "portalSmsCodeGoesTo";
    public static final String CODE_RESENT = "portalSmsCodeResent";
    public static final String CODE_MISSING = "portalSmsCodeMissing";
    public static final String CODE_MALFORMED = "portalSmsCodeMalformed";
    public static final String CODE_WRONG = "portalSmsCodeWrong";
    public static final String CODE_LOCKED = "portalSmsCodeLocked";
    public static final String CODE_EXPIRED = "portalSmsCodeExpired";
    public static final String CODE_NONE = "portalSmsCodeNone";
    public static final String SMS_TOO_SOON = "portalSmsTooSoon";
    public static final String SMS_TOO_MANY = "portalSmsTooMany";
    public static final String SMS_NOT_SENT = "portalSmsNotSent";
    public static final String TOO_MANY_FAILURES = "portalTwoFactorTooManyFailures";

    // Page titles, introductions and buttons of portal-sms-code.ftl
    public static final String SIGN_IN_TITLE = "portalSmsSignInTitle";
    public static final String SIGN_IN_BUTTON = "doLogIn";
    public static final String SETUP_CODE_TITLE = "portalSmsSetupCodeTitle";
    public static final String CONFIRM_BUTTON = "portalSmsConfirmButton";
    public static final String DISABLE_TITLE = "portalSmsDisableTitle";
    public static final String DISABLE_INTRO = "portalSmsDisableIntro";
    public static final String DISABLE_BUTTON = "portalSmsDisableButton";

    // Setting up
    public static final String PHONE_MISSING = "portalSmsPhoneMissing";
    public static final String PHONE_INVALID = "portalSmsPhoneInvalid";

    // Switching off
    public static final String DISABLE_REFUSED = "portalSmsDisableRefused";
    public static final String DISABLE_NOT_ON = "portalSmsDisableNotOn";

    // Recovery code
    public static final String RECOVERY_CODE_MISSING = "portalRecoveryCodeMissing";
    public static final String RECOVERY_CODE_WRONG = "portalRecoveryCodeWrong";
    public static final String RECOVERY_CODE_AFTER_USE = "portalRecoveryCodeAfterUse";
    public static final String RECOVERY_CODE_REPLACES = "portalRecoveryCodeReplaces";

    private TwoFactorMessages() {
    }
}
