package nl.notaris.portal.notification.recipients;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import nl.notaris.portal.notification.accounts.AccountReplica;
import nl.notaris.portal.notification.accounts.KnownAccount;
import nl.notaris.portal.notification.mail.Language;
import nl.notaris.portal.notification.mail.MailKind;
import nl.notaris.portal.support.access.AccessGrant;
import nl.notaris.portal.support.access.DossierAccess;
import nl.notaris.portal.support.access.DossierParty;
import nl.notaris.portal.support.security.AccessKeys;
import nl.notaris.portal.support.security.Caller;

/**
 * Who hears about a dossier (NOT-1): every account that may see it, by the portal's one access
 * rule — a party, and when a company's main account is a party, every account of that company — each
 * in its own language (Dutch until its account event says otherwise), if it wants this kind of
 * e-mail at the time (ME-3). Of new documents also the advisers the dossier's clients let in (ADV-1),
 * while their grant lasts (decided now, by this service's clock): advisers read documents and
 * progress, so no other dossier mail concerns them. Removed and blocked accounts are left out.
 */
@Component
public class Recipients {

    /** The dossier mails about what an adviser with a grant may read. */
    private static final Set<MailKind> FOR_ADVISERS = Set.of(MailKind.DOCUMENT_PUBLISHED);

    private final AccountReplica accounts;
    private final Clock clock;

    Recipients(AccountReplica accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The parties' accounts and, for what advisers may read, the accounts whose grant on the dossier lasts. */
    public List<Recipient> of(DossierAccess dossier, MailKind kind) {
        Map<String, Recipient> recipients = new LinkedHashMap<>();
        of(dossier.parties(), kind).forEach(recipient -> recipients.put(recipient.accountId(), recipient));
        if (FOR_ADVISERS.contains(kind)) {
            Instant now = clock.instant();
            for (AccessGrant grant : dossier.grants()) {
                // support's rule of a grant that lasts, for the account it is bound to
                if (grant.isHeldBy(new Caller(grant.accountId(), null, null, null, List.of()), now)) {
                    adviser(grant.accountId(), kind)
                            .ifPresent(recipient -> recipients.putIfAbsent(recipient.accountId(), recipient));
                }
            }
        }
        return List.copyOf(recipients.values());
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

    /**
     * An adviser is mailed only when this service knows its account (the grant carries no address) and the
     * account chose this kind of mail.
     */
    private Optional<Recipient> adviser(String accountId, MailKind kind) {
        return accounts.find(accountId).filter(account -> account.receivesMail() && account.wants(kind))
                .map(account -> new Recipient(account.accountId(), account.email(), account.name(),
                        account.mailLanguage()));
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
