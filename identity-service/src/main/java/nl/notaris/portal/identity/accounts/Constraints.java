package nl.notaris.portal.identity.accounts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The rules of an invitation's fields, written once for the office's and a company's invitations. */
final class Constraints {

    private Constraints() {
    }

    /** The address the client will be known by: one {@code @}, no spaces or control characters. */
    @Documented
    @Constraint(validatedBy = {})
    @Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
    @Retention(RetentionPolicy.RUNTIME)
    @NotBlank
    @Size(max = 255)
    @Pattern(regexp = "[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]{1,190}")
    @ReportAsSingleViolation
    @interface InviteeEmail {
        String message() default "must be an e-mail address";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** A first or last name: required, at most 100 characters, no control characters. */
    @Documented
    @Constraint(validatedBy = {})
    @Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
    @Retention(RetentionPolicy.RUNTIME)
    @NotBlank
    @Size(max = 100)
    @Pattern(regexp = "[^\\p{Cntrl}]*")
    @ReportAsSingleViolation
    @interface PersonName {
        String message() default "is required (at most 100 characters)";

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

    /** A phone number as people write it, e.g. +31 6 12345678. */
    @Documented
    @Constraint(validatedBy = {})
    @Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
    @Retention(RetentionPolicy.RUNTIME)
    @Pattern(regexp = "\\+?[0-9 ()-]{8,20}")
    @ReportAsSingleViolation
    @interface PhoneNumber {
        String message() default "must be a phone number";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }
}
