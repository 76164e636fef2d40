package nl.notaris.portal.keycloak.twofactor;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import nl.notaris.portal.keycloak.sms.SmsNotSentException;
import nl.notaris.portal.keycloak.sms.SmsSender;
import nl.notaris.portal.phonenumbers.PhoneNumbers;

import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

import org.jboss.logging.Logger;

/**
 * Sends codes by text message and checks them, for one purpose (sign-in, setting up, switching off)
 * in one authentication session: the {@link SmsCodeChallenge} lives in the session's notes
 * ({@code portal.sms.<purpose>.*}), the limits of sending in {@link SmsSendLimit}.
 */
public final class SmsCodeMessenger implements SmsCodeReply.Codes {

    public enum Purpose {
        SIGN_IN("sign-in"), SETUP("setup"), DISABLE("disable");

        private final String note;

        Purpose(String note) {
            this.note = note;
        }
    }

    public enum SendStatus { SENT, TOO_SOON, TOO_MANY, NOT_SENT }

    /** @param waitFor seconds ({@link SendStatus#TOO_SOON}) or minutes ({@link SendStatus#TOO_MANY}) to wait */
    public record SendResult(SendStatus status, long waitFor) {

        public boolean sent() {
            return status == SendStatus.SENT;
        }

        /** Puts the reason a message was not sent on the page. */
        public LoginFormsProvider explainOn(LoginFormsProvider form) {
            return switch (status) {
                case SENT -> form;
                case TOO_SOON -> form.setError(TwoFactorMessages.SMS_TOO_SOON, waitFor);
                case TOO_MANY -> form.setError(TwoFactorMessages.SMS_TOO_MANY, waitFor, SmsSendLimit.MAX_PER_WINDOW);
                case NOT_SENT -> form.setError(TwoFactorMessages.SMS_NOT_SENT);
            };
        }
    }

    private static final Logger LOG = Logger.getLogger(SmsCodeMessenger.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AuthenticationSessionModel authSession;
    private final UserModel user;
    private final String prefix;
    private final Clock clock;
    private final SmsSendLimit limit;

    public SmsCodeMessenger(KeycloakSession session, AuthenticationSessionModel authSession, UserModel user,
            Purpose purpose) {
        this.session = session;
        this.realm = authSession.getRealm();
        this.authSession = authSession;
        this.user = user;
        this.prefix = "portal.sms." + purpose.note + ".";
        this.clock = Clock.systemUTC();
        this.limit = new SmsSendLimit(clock, new SingleUseObjectSlots(session), maxPerMinute());
    }

    /** The code of this session, if one was sent. */
    public Optional<SmsCodeChallenge> current() {
        Map<String, String> notes = new HashMap<>();
        for (String name : SmsCodeChallenge.NOTE_NAMES) {
            String value = authSession.getAuthNote(prefix + name);
            if (value != null) {
                notes.put(name, value);
            }
        }
        return SmsCodeChallenge.fromNotes(notes);
    }

    /** Whether a code was sent in this session that can still be typed. */
    public boolean hasUsableCode() {
        return current().map(c -> c.usable(clock.instant())).orElse(false);
    }

    /** Sends a new code to {@code e164Number} (replacing an earlier one), within the limits of sending. */
    @Override
    public SendResult send(String e164Number) {
        SmsSendLimit.Decision decision = limit.reserve(user.getId(), e164Number);
        if (decision instanceof SmsSendLimit.TooSoon tooSoon) {
            return new SendResult(SendStatus.TOO_SOON, tooSoon.seconds());
        }
        if (decision instanceof SmsSendLimit.TooMany tooMany) {
            return new SendResult(SendStatus.TOO_MANY, tooMany.minutes());
        }
        if (!(decision instanceof SmsSendLimit.Allowed allowed)) {
            LOG.warnf("Text message for user %s not sent: the realm's cap of %d texts per minute is reached",
                    user.getId(), maxPerMinute());
            return new SendResult(SendStatus.NOT_SENT, 0);
        }
        SmsCodeChallenge.Issued issued = SmsCodeChallenge.issue(e164Number, RANDOM, clock.instant());
        try {
            session.getProvider(SmsSender.class).send(e164Number, SmsText.forUser(session, realm, user, issued.code()));
        } catch (SmsNotSentException | RuntimeException e) {
            allowed.giveBack().run();
            // Neither the code nor the whole number in the log.
            LOG.warnf("Text message with a code to %s for user %s not sent: %s", PhoneNumbers.masked(e164Number),
                    user.getId(), e instanceof SmsNotSentException ? e.getMessage() : e.getClass().getName());
            return new SendResult(SendStatus.NOT_SENT, 0);
        }
        write(issued.challenge().toNotes());
        return new SendResult(SendStatus.SENT, 0);
    }

    /** The realm's cap on texts per minute: {@code PORTAL_SMS_MAX_PER_MINUTE} in Keycloak's environment. */
    static int maxPerMinute() {
        String configured = System.getenv("PORTAL_SMS_MAX_PER_MINUTE");
        try {
            return configured == null || configured.isBlank() ? SmsSendLimit.DEFAULT_MAX_PER_MINUTE
                    : Math.max(1, Integer.parseInt(configured.trim()));
        } catch (NumberFormatException e) {
            return SmsSendLimit.DEFAULT_MAX_PER_MINUTE;
        }
    }

    /** Checks a typed code against this session's code; a right code is used up. */
    @Override
    public Optional<SmsCodeChallenge.Check> check(String typed) {
        Optional<SmsCodeChallenge> challenge = current();
        if (challenge.isEmpty()) {
            return Optional.empty();
        }
        SmsCodeChallenge.Check check = challenge.get().check(typed, clock.instant());
        if (check.after() == null) {
            clear();
        } else {
            write(check.after().toNotes());
        }
        return Optional.of(check);
    }

    public void clear() {
        for (String name : SmsCodeChallenge.NOTE_NAMES) {
            authSession.removeAuthNote(prefix + name);
        }
    }

    private void write(Map<String, String> notes) {
        notes.forEach((name, value) -> authSession.setAuthNote(prefix + name, value));
    }
}
