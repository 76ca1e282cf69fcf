package org.posthorn.web.console.security;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * A postback whose {@code jakarta.faces.ViewState} the server does not know — an old tab after the
 * session ended, or a form forged on another site — changes nothing: Faces refuses it with a
 * {@link ViewExpiredException}. This turns that refusal into a redirect to a fresh copy of the page
 * with a message, instead of an error page and an ERROR line in the log for every attempt.
 */
public class ExpiredViewHandler extends ExceptionHandlerWrapper {

    static final String MESSAGE = "This form had expired or did not come from this page. Nothing was changed; please try again.";

    public ExpiredViewHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            ViewExpiredException expired = expiredIn(events.next().getContext().getException());
            if (expired != null) {
                events.remove();
                redirectToFreshView(FacesContext.getCurrentInstance(), expired.getViewId());
            }
        }
        getWrapped().handle();
    }

    private static ViewExpiredException expiredIn(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ViewExpiredException expired) {
                return expired;
            }
        }
        return null;
    }

    private static void redirectToFreshView(FacesContext context, String viewId) {
        ExternalContext external = context.getExternalContext();
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, MESSAGE, null));
        external.getFlash().setKeepMessages(true);
        String target = viewId != null && viewId.startsWith("/admin/") ? viewId : "/admin/index.xhtml";
        try {
            external.redirect(external.getRequestContextPath() + target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.responseComplete();
    }
}
