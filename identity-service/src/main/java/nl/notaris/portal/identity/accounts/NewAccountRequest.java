package nl.notaris.portal.identity.accounts;

import nl.notaris.portal.identity.accounts.Constraints.InviteeEmail;
import nl.notaris.portal.identity.accounts.Constraints.LanguageTag;
import nl.notaris.portal.identity.accounts.Constraints.PersonName;
import nl.notaris.portal.identity.accounts.Constraints.PhoneNumber;

/** A company's main account invites a colleague as extra account (ME-4): name and address. */
public record NewAccountRequest(@InviteeEmail String email, @PersonName String firstName, @PersonName String lastName,
        @LanguageTag String language, @PhoneNumber String phone) {
}
