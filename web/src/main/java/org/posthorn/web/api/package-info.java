/**
 * The admin REST API under {@code /api/admin}: JSON in, JSON out, HTTP Basic authentication of an
 * ADMIN account.
 *
 * <p>Untrusted input: the {@code Authorization} header ({@link org.posthorn.web.api.BasicCredentials}),
 * path segments and query parameters (handed unchanged to the EJB services, which validate them) and
 * request bodies ({@link org.posthorn.web.api.RequestBodies}). Every error answer is
 * {@code {"error": "..."}}; no stack trace or password ever reaches a client.
 */
package org.posthorn.web.api;
