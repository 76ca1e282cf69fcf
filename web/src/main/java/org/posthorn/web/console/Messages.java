package org.posthorn.web.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/**
 * Messages shown at the top of a page. {@link #info} and {@link #error} are for the page a redirect
 * leads to (kept in the flash, so a POST can end in a GET); {@link #refusal} is for the page being
 * shown again, as when a form is refused, at the top or beside the field at fault.
 */
final class Messages {

    private Messages() {
    }

    /** A confirmation that something was done, shown on the page the redirect leads to. */
    static void info(String text) {
        add(FacesMessage.SEVERITY_INFO, text, true);
    }

    /** A failure, shown on the page the redirect leads to. */
    static void error(String text) {
        add(FacesMessage.SEVERITY_ERROR, text, true);
    }

    /** A refused form, shown on this page as it is rendered again. */
    static void refusal(String text) {
        add(FacesMessage.SEVERITY_ERROR, text, false);
    }

    /** A refused field, shown beside it ({@code h:message for=...}) as the page is rendered again. */
    static void refusal(String clientId, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    private static void add(FacesMessage.Severity severity, String text, boolean afterRedirect) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.addMessage(null, new FacesMessage(severity, text, null));
        if (afterRedirect) {
            context.getExternalContext().getFlash().setKeepMessages(true);
        }
    }
}
