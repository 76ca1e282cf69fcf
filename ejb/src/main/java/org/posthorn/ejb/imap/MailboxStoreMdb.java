package org.posthorn.ejb.imap;

import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.jboss.ejb3.annotation.ResourceAdapter;
import org.posthorn.ejb.ConnectorBinding;
import org.posthorn.spi.MailError;
import org.posthorn.spi.MessageContent;
import org.posthorn.spi.Result;
import org.posthorn.spi.imap.AppendOutcome;
import org.posthorn.spi.imap.CopyOutcome;
import org.posthorn.spi.imap.FetchScope;
import org.posthorn.spi.imap.FlagUpdate;
import org.posthorn.spi.imap.MailboxChanges;
import org.posthorn.spi.imap.MailboxInfo;
import org.posthorn.spi.imap.MailboxSnapshot;
import org.posthorn.spi.imap.MailboxStatus;
import org.posthorn.spi.imap.MailboxStoreListener;
import org.posthorn.spi.imap.MessageView;
import org.posthorn.spi.imap.SearchCriteria;
import org.posthorn.spi.imap.StoreOutcome;
import org.posthorn.spi.imap.UidSet;

/**
 * The mailbox store as the IMAP wire sees it: each SPI call is one container transaction (CMT
 * REQUIRED) delegated to the service for that concern. Refusals come back as values, never as
 * exceptions (DESIGN.md fact 4).
 */
@MessageDriven(messageListenerInterface = MailboxStoreListener.class)
@ResourceAdapter(ConnectorBinding.RESOURCE_ADAPTER)
public class MailboxStoreMdb implements MailboxStoreListener {

    @Inject
    MailboxDirectory directory;

    @Inject
    MailboxSelection selection;

    @Inject
    MessageFetcher fetcher;

    @Inject
    FlagStore flagStore;

    @Inject
    MessageTransfer transfer;

    @Inject
    MessageAppend appender;

    @Inject
    MessageSearch searcher;

    @Override
    public List<MailboxInfo> list(String account) {
        return directory.list(account);
    }

    @Override
    public Optional<MailError> create(String account, String mailbox) {
        return directory.create(account, mailbox);
    }

    @Override
    public Optional<MailError> delete(String account, String mailbox) {
        return directory.delete(account, mailbox);
    }

    @Override
    public Optional<MailError> rename(String account, String from, String to) {
        return directory.rename(account, from, to);
    }

    @Override
    public Optional<MailError> subscribe(String account, String mailbox, boolean subscribed) {
        return directory.subscribe(account, mailbox, subscribed);
    }

    @Override
    public Result<MailboxStatus> status(String account, String mailbox) {
        return selection.status(account, mailbox);
    }

    @Override
    public Result<MailboxSnapshot> open(String account, String mailbox, boolean readOnly) {
        return selection.open(account, mailbox, readOnly);
    }

    @Override
    public Result<MailboxChanges> changes(String account, String mailbox, long uidValidity, long sinceModSeq,
                                          long knownUidNext, boolean readOnly) {
        return selection.changes(account, mailbox, uidValidity, sinceModSeq, knownUidNext, readOnly);
    }

    @Override
    public Result<List<MessageView>> fetch(String account, String mailbox, UidSet uids, FetchScope scope,
                                           OptionalLong changedSince) {
        return fetcher.fetch(account, mailbox, uids, scope, changedSince);
    }

    @Override
    public Result<StoreOutcome> store(String account, String mailbox, UidSet uids, FlagUpdate update) {
        return flagStore.store(account, mailbox, uids, update);
    }

    @Override
    public Result<List<Long>> expunge(String account, String mailbox, UidSet uids) {
        return transfer.expunge(account, mailbox, uids);
    }

    @Override
    public Result<CopyOutcome> copy(String account, String source, UidSet uids, String target) {
        return transfer.copy(account, source, uids, target);
    }

    @Override
    public Result<CopyOutcome> move(String account, String source, UidSet uids, String target) {
        return transfer.move(account, source, uids, target);
    }

    @Override
    public Result<AppendOutcome> append(String account, String mailbox, Set<String> flags,
                                        Optional<Instant> internalDate, MessageContent content) {
        return appender.append(account, mailbox, flags, internalDate, content);
    }

    @Override
    public Result<List<Long>> search(String account, String mailbox, SearchCriteria criteria) {
        return searcher.search(account, mailbox, criteria);
    }
}
