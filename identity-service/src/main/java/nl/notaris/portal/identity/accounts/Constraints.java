package nl.notaris.portal.identity.accounts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import nl.notaris.portal.phonenumbers.PhoneNumbers;

/** The rules of an invitation's fields, written once for the office's and a company's invitations. */
final class Constraints {

    private Constraints() {
    }

    /**
     * The address rule: what Keycloak accepts both as address and as username (the portal makes the
     * address the username, and Keycloak's username rule refuses {@code & ' $ % ! # ? , ; : * ~ / \ | ^ =}
     * and brackets, which the e-mail standard would allow). So: a dot-atom of ASCII letters, digits and
     * {@code _ + -} before the {@code @} (at most 64 characters), and a domain of at least two ASCII
     * labels, e.g. {@code jan.de-vries+notaris@mail.example.nl}. Non-ASCII addresses (SMTPUTF8,
     * {@code jörg@example.com}) are refused: Keycloak's username rule and many mail servers do too.
     */
    static final String EMAIL_ADDRESS = "(?=[^@]{1,64}@)[A-Za-z0-9_+-]+(?:\\.[A-Za-z0-9_+-]+)*"
            + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";

    /**
     * The name rule: any letters, spaces, apostrophes, hyphens, dots and digits, but none of the
     * characters Keycloak's person-name rule refuses ({@code < > & " $ % ! # ? § ; * ~ / \ | ^ = [ ] { } ( )}),
     * no control characters (also not Unicode's C1 block, line and paragraph separators) and no
     * invisible formatting characters such as a right-to-left override, which would disguise a name.
     */
    static final String PERSON_NAME = "[^<>&\"$%!#?§;*~/\\\\|^=\\[\\]{}()\\p{Cc}\\p{Cf}\\p{Cs}\\p{Co}\\p{Zl}\\p{Zp}]*";

    /** The address the client will be known by: see {@link #EMAIL_ADDRESS}. */
    @Documented
    @Constraint(validatedBy = {})
    @Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
    @Retention(RetentionPolicy.RUNTIME)
    @NotBlank
    @Size(max = 255)
    @Pattern(regexp = EMAIL_ADDRESS)
    @ReportAsSingleViolation
    @interface InviteeEmail {
        String message() default "must be an e-mail address such as name@example.com, with only the letters a-z, "
                + "digits and . _ + - before the @";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** A first or last name: required, at most 100 characters, see {@link #PERSON_NAME}. */
    @Documented
    @Constraint(validatedBy = {})
    @Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
    @Retention(RetentionPolicy.RUNTIME)
    @NotBlank
    @Size(max = 100)
    @Pattern(regexp = PERSON_NAME)
    @ReportAsSingleViolation
    @interface PersonName {
        String message() default "is required (at most 100 characters) and may not contain control characters "
                + "or any of < > & \" $ % ! # ? § ; * ~ / \\ | ^ = [ ] { } ( )";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /**
     * A person's whole name as one text (an adviser's, typed by a client): required, at most 200
     * characters, see {@link #PERSON_NAME}.
     */
    @Documented
    @Constraint(validatedBy = {})
    @Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
    @Retention(RetentionPolicy.RUNTIME)
    @NotBlank
    @Size(max = 200)
    @Pattern(regexp = PERSON_NAME)
    @ReportAsSingleViolation
    @interface FullName {
        String message() default "is required (at most 200 characters) and may not contain control characters "
                + "or any of < > & \" $ % ! # ? § ; * ~ / \\ | ^ = [ ] { } ( )";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** A short text an e-mail quotes (a client's or company's name, a dossier number): optional, one line. */
    @Documented
    @Constraint(validatedBy = {})
    @Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
    @Retention(RetentionPolicy.RUNTIME)
    @Size(max = 200)
    @Pattern(regexp = "[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]*")
    @ReportAsSingleViolation
    @interface OneLine {
        String message() default "is at most 200 characters on one line, without control characters";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** The portal's languages; left out means Dutch. */
    @Documented
    @Constraint(validatedBy = {})
    @Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
    @Retention(RetentionPolicy.RUNTIME)
    @Pattern(regexp = "nl|en")
    @ReportAsSingleViolation
    @interface LanguageTag {
        String message() default "must be nl or en";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /**
     * A phone number as people write it, e.g. {@code 06 12345678}, {@code 020 123 4567} or {@code +32 470 12 34 56}:
     * the portal's one rule ({@link PhoneNumbers}, libphonenumber). Left out means none.
     */
    @Documented
    @Constraint(validatedBy = PhoneNumberRule.class)
    @Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
    @Retention(RetentionPolicy.RUNTIME)
    @interface PhoneNumber {
        String message() default "must be a phone number: Dutch, or international with + and the country code";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    static final class PhoneNumberRule implements ConstraintValidator<PhoneNumber, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || PhoneNumbers.normalise(value).isPresent();
        }
    }
}
