package nl.notaris.portal.keycloak.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.junit.jupiter.api.Test;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;

import nl.notaris.portal.keycloak.twofactor.SmsCodeChallenge.Check;
import nl.notaris.portal.keycloak.twofactor.SmsCodeChallenge.Outcome;
import nl.notaris.portal.keycloak.twofactor.SmsCodeMessenger.SendResult;
import nl.notaris.portal.keycloak.twofactor.SmsCodeMessenger.SendStatus;

/** "Code opnieuw versturen" or the check of a typed code, as signing in, setting up and switching off answer it. */
class SmsCodeReplyTest {

    private static final String NUMBER = "+31612345678";

    /** What happened, in order: the codes' calls and what was put on the page. */
    private final List<String> happened = new ArrayList<>();
    private final LoginFormsProvider page = page();
    private SendResult sendResult = new SendResult(SendStatus.SENT, 0);
    private Optional<Check> checkResult = Optional.empty();

    private final SmsCodeReply.Codes codes = new SmsCodeReply.Codes() {
        @Override
        public SendResult send(String e164Number) {
            happened.add("send " + e164Number);
            return sendResult;
        }

        @Override
        public Optional<Check> check(String typed) {
            happened.add("check " + typed);
            return checkResult;
        }
    };

    private LoginFormsProvider form() {
        happened.add("form");
        return page;
    }

    @Test
    void aNewCodeIsSentAndThePageSaysSo() {
        SmsCodeReply reply = SmsCodeReply.to(posted(SmsCodePage.RESEND, ""), codes, NUMBER, this::form);

        assertThat(reply.accepted()).isFalse();
        assertThat(reply.wrongTry()).isFalse();
        assertThat(reply.form()).isSameAs(page);
        // the page is made after the sending
        assertThat(happened).containsExactly("send " + NUMBER, "form", "setSuccess portalSmsCodeResent []");
    }

    @Test
    void aCodeThatCouldNotBeSentIsExplained() {
        sendResult = new SendResult(SendStatus.TOO_SOON, 25);
        assertThat(SmsCodeReply.resend(codes, NUMBER, this::form).accepted()).isFalse();
        sendResult = new SendResult(SendStatus.NOT_SENT, 0);
        SmsCodeReply.resend(codes, NUMBER, this::form);

        assertThat(happened).containsSubsequence("setError portalSmsTooSoon [25]", "setError portalSmsNotSent []")
                .noneMatch(each -> each.startsWith("setSuccess"));
    }

    @Test
    void aResendIsNoCheckEvenWithACodeTyped() {
        MultivaluedMap<String, String> params = posted(SmsCodePage.RESEND, "");
        params.add(SmsCodePage.CODE, "123456");

        SmsCodeReply.to(params, codes, NUMBER, this::form);

        assertThat(happened).noneMatch(each -> each.startsWith("check"));
    }

    @Test
    void theRightCodeIsAcceptedWithoutAPage() {
        checkResult = Optional.of(new Check(Outcome.ACCEPTED, SmsCodeChallenge.MAX_WRONG_TRIES, null, false));

        SmsCodeReply reply = SmsCodeReply.to(posted(SmsCodePage.CODE, "123456"), codes, NUMBER, this::form);

        assertThat(reply.accepted()).isTrue();
        assertThat(reply.wrongTry()).isFalse();
        assertThat(reply.form()).isNull();
        assertThat(happened).containsExactly("check 123456");
    }

    @Test
    void aWrongCodeIsAWrongTryAndSaysHowManyAreLeft() {
        checkResult = Optional.of(new Check(Outcome.WRONG, 3, null, true));

        SmsCodeReply reply = SmsCodeReply.to(posted(SmsCodePage.CODE, "654321"), codes, NUMBER, this::form);

        assertThat(reply.accepted()).isFalse();
        assertThat(reply.wrongTry()).isTrue();
        assertThat(reply.form()).isSameAs(page);
        assertThat(happened).containsExactly("check 654321", "form", "addError code portalSmsCodeWrong [3]");
    }

    @Test
    void aMalformedCodeIsNoWrongTry() {
        checkResult = Optional.of(new Check(Outcome.MALFORMED, 5, null, false));

        SmsCodeReply reply = SmsCodeReply.check(codes, "", this::form);

        assertThat(reply.wrongTry()).isFalse();
        assertThat(happened).containsExactly("check ", "form", "addError code portalSmsCodeMissing null");
    }

    @Test
    void withoutACodeSentThePageSaysSo() {
        SmsCodeReply reply = SmsCodeReply.check(codes, "123456", this::form);

        assertThat(reply.accepted()).isFalse();
        assertThat(reply.wrongTry()).isFalse();
        assertThat(happened).containsExactly("check 123456", "form", "setError portalSmsCodeNone []");
    }

    private static MultivaluedMap<String, String> posted(String field, String value) {
        MultivaluedMap<String, String> params = new MultivaluedHashMap<>();
        params.add(field, value);
        return params;
    }

    /** A form that notes what is put on it. */
    private LoginFormsProvider page() {
        return (LoginFormsProvider) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {LoginFormsProvider.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setSuccess", "setError" -> happened.add(method.getName() + " " + args[0] + " "
                                + Arrays.toString((Object[]) args[1]));
                        case "addError" -> {
                            FormMessage message = (FormMessage) args[0];
                            happened.add("addError " + message.getField() + " " + message.getMessage() + " "
                                    + Arrays.toString(message.getParameters()));
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return proxy;
                });
    }
}
