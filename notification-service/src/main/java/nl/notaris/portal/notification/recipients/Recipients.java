package nl.notaris.portal.notification.recipients;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import nl.notaris.portal.notification.accounts.AccountReplica;
import nl.notaris.portal.notification.accounts.KnownAccount;
import nl.notaris.portal.notification.mail.Language;
import nl.notaris.portal.notification.mail.MailKind;
import nl.notaris.portal.support.access.DossierParty;
import nl.notaris.portal.support.security.AccessKeys;

/**
 * Who hears about a dossier (NOT-1): every account that may see it, by the portal's one access
 * rule — a party, and when a company's main account is a party, every account of that company — each
 * in its own language (Dutch until its account event says otherwise), if it wants this kind of
 * e-mail at the time (ME-3). Removed and blocked accounts are left out.
 */
@Component
public class Recipients {

    private final AccountReplica accounts;

    Recipients(AccountReplica accounts) {
        this.accounts = accounts;
    }

    public List<Recipient> of(List<DossierParty> parties, MailKind kind) {
        Map<String, Recipient> recipients = new LinkedHashMap<>();
        for (DossierParty party : parties) {
            party(party, kind).ifPresent(recipient -> recipients.putIfAbsent(party.accountId(), recipient));
            if (AccessKeys.COMPANY_MAIN.equals(party.accountType()) && party.companyId() != null) {
                for (KnownAccount colleague : accounts.ofCompany(party.companyId())) {
                    if (colleague.receivesMail() && colleague.wants(kind)) {
                        recipients.putIfAbsent(colleague.accountId(), new Recipient(colleague.accountId(),
                                colleague.email(), colleague.name(), colleague.mailLanguage()));
                    }
                }
            }
        }
        return List.copyOf(recipients.values());
    }

    /** The party's own account alone (for what is meant for that account only), unless it does not get this mail. */
    public Optional<Recipient> party(DossierParty party, MailKind kind) {
        var known = accounts.find(party.accountId());
        if (!known.map(account -> account.receivesMail() && account.wants(kind)).orElse(true)) {
            return Optional.empty();
        }
        return Optional.of(new Recipient(party.accountId(), party.email(), known.map(KnownAccount::name).orElse(null),
                known.map(KnownAccount::mailLanguage).orElse(Language.DEFAULT)));
    }
}
