package org.posthorn.ejb.mta;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.logging.Logger;
import org.posthorn.ejb.directory.Account;
import org.posthorn.ejb.directory.DirectoryLookup;
import org.posthorn.spi.MailAddress;
import org.posthorn.spi.MailError;
import org.posthorn.spi.smtp.SenderVerdict;
import org.posthorn.spi.smtp.SmtpEnvelope;

/**
 * Which reverse-paths an authenticated client may use (RFC 6409 §6.1, Postfix's
 * {@code reject_sender_login_mismatch}): an address it owns, that is one whose mail reaches its
 * account through its own address, plus-addressing, an alias or a role address ({@link
 * RecipientResolver#owners}); anything else, a remote address included, is {@code NO_PERMISSION}.
 * The null reverse-path {@code <>} is allowed: it asks only that nothing bounce back. Clients that did
 * not authenticate are not checked here.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SenderPolicy {

    private static final Logger LOG = Logger.getLogger(SenderPolicy.class.getName());

    @Inject
    DirectoryLookup directory;

    @Inject
    RecipientResolver recipients;

    public SenderVerdict check(SmtpEnvelope transaction) {
        Optional<String> user = transaction.client().authenticatedUser();
        Optional<MailAddress> sender = transaction.sender();
        if (user.isEmpty() || sender.isEmpty()) {
            return SenderVerdict.accept();
        }
        Optional<Long> account = directory.account(user.get()).map(Account::getId);
        if (account.isPresent() && recipients.owners(sender.get()).contains(account.get())) {
            return SenderVerdict.accept();
        }
        LOG.info(() -> "Refused sender " + sender.get() + " for " + user.get() + " in session " + transaction.sessionId());
        return SenderVerdict.refuse(MailError.NO_PERMISSION);
    }
}
