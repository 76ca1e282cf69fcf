/**
 * The one place where every {@code posthorn.*} setting is declared with its type, default and meaning.
 * Values come from system properties ({@code -Dposthorn.smtp.port=2525}) or the environment
 * ({@code POSTHORN_SMTP_PORT=2525}); input is the operator's, parsed strictly, and a bad value fails
 * loudly at the first read rather than being replaced by the default.
 */
package org.posthorn.settings;
