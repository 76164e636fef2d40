package nl.notaris.portal.identity.accounts;

import org.springframework.data.mongodb.core.mapping.event.BeforeConvertCallback;
import org.springframework.stereotype.Component;

/**
 * Before every insert or save of an {@link Account} (whichever code path makes it), its list fields
 * are brought up to date ({@link Account#beforeSave()}): the search text always follows the stored
 * name, address and company name.
 */
@Component
class AccountSaving implements BeforeConvertCallback<Account> {

    @Override
    public Account onBeforeConvert(Account account, String collection) {
        account.beforeSave();
        return account;
    }
}
