/**
 * The admin console under {@code /admin}: thin Faces backing beans over the same EJB services as the
 * admin REST API ({@link org.posthorn.ejb.admin}, {@link org.posthorn.ejb.dns}), so both apply the
 * same rules and the console can do nothing the API cannot.
 *
 * <p>Untrusted input: form fields and view parameters typed by a signed-in administrator, handed to
 * the EJB services, which validate them and refuse with a {@link
 * org.posthorn.ejb.directory.DirectoryException} whose message is shown beside the form. Everything
 * shown is escaped by Faces ({@code h:outputText} and EL in text); no page uses {@code escape="false"}.
 */
package org.posthorn.web.console;
