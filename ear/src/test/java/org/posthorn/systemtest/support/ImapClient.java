package org.posthorn.systemtest.support;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * Jakarta Mail's IMAP client (Angus IMAPStore) logged in to the test server as one account, as a mail
 * client would be, with its protocol trace kept for waiting and for failure messages.
 */
public final class ImapClient implements AutoCloseable {

    private final ImapTrace trace = new ImapTrace();
    private final IMAPStore store;

    /** Connects to the plain IMAP port of the test server and logs in (AUTHENTICATE PLAIN or LOGIN, as Angus picks). */
    public ImapClient(String user, String password) throws MessagingException {
        this(session(new Properties()), user, password);
    }

    private ImapClient(Session session, String user, String password) throws MessagingException {
        session.setDebugOut(trace.stream());
        session.setDebug(true);
        store = (IMAPStore) session.getStore("imap");
        store.connect("127.0.0.1", Ports.imap(), user, password);
    }

    /** The session properties every test client uses; {@code extra} wins. */
    public static Session session(Properties extra) {
        Properties properties = new Properties();
        properties.put("mail.imap.connectiontimeout", "10000");
        properties.put("mail.imap.timeout", "30000");
        // A SEARCH the server cannot do must fail the test, not be redone quietly inside the client.
        properties.put("mail.imap.throwsearchexception", "true");
        properties.putAll(extra);
        return Session.getInstance(properties);
    }

    public IMAPStore store() {
        return store;
    }

    public ImapTrace trace() {
        return trace;
    }

    /** The folder by its full name ("/" is the hierarchy delimiter), not opened. */
    public IMAPFolder folder(String name) throws MessagingException {
        return (IMAPFolder) store.getFolder(name);
    }

    /** The folder opened {@link Folder#READ_WRITE} or {@link Folder#READ_ONLY}. */
    public IMAPFolder open(String name, int mode) throws MessagingException {
        IMAPFolder folder = folder(name);
        folder.open(mode);
        return folder;
    }

    @Override
    public void close() throws MessagingException {
        store.close();
    }
}
