package org.posthorn.ejb.imap;

import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.posthorn.ejb.testing.TestDatabase;
import org.posthorn.spi.imap.MailboxStoreContract;
import org.posthorn.spi.imap.MailboxStoreListener;
import org.posthorn.spi.imap.SearchContract;

/** The JPA implementation ({@link MailboxStoreMdb} and its services) passes the contracts on H2. */
class MailboxStoreJpaTest implements MailboxStoreContract, SearchContract {

    private TestDatabase db;
    private ImapPostOffice po;

    @BeforeEach
    void createPostOffice() {
        db = new TestDatabase();
        po = new ImapPostOffice(db);
        po.createAccounts("example.org", "bob@example.org", "carol@example.org");
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @Override
    public MailboxStoreListener store() {
        return po.listener;
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
        po.deliver(message, account);
    }

    @Override
    public ZoneId zone() {
        return ZoneId.systemDefault();
    }
}
