package org.posthorn.connector.imap.fake;

import java.time.ZoneId;
import org.posthorn.spi.imap.MailboxStoreContract;
import org.posthorn.spi.imap.MailboxStoreListener;
import org.posthorn.spi.imap.SearchContract;

/** The fake passes the same contracts as the JPA store (STYLE.md #9), so the wire's tests cannot drift from it. */
class FakeMailboxStoreTest implements MailboxStoreContract, SearchContract {

    private final FakeMailboxStore store = new FakeMailboxStore().account(account()).account(otherAccount());

    @Override
    public MailboxStoreListener store() {
        return store;
    }

    @Override
    public String account() {
        return "bob@example.org";
    }

    @Override
    public String otherAccount() {
        return "carol@example.org";
    }

    @Override
    public void deliver(String account, byte[] message) {
        store.deliver(account, message);
    }

    @Override
    public ZoneId zone() {
        return store.zone();
    }
}
