/**
 * What the admin console's pages compute for display, free of Faces and EJB so it can be unit-tested:
 * paging, sizes in octets as people read and type them, quota bars, the delivery chart.
 *
 * <p>Untrusted input: sizes and page numbers typed by an administrator ({@link
 * org.posthorn.web.console.view.ByteSizes#parse}, {@link org.posthorn.web.console.view.Paging#of});
 * nothing here touches storage or the network.
 */
package org.posthorn.web.console.view;
