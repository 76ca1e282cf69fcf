/**
 * Browser tests of the admin console: headless Chromium driven by Selenium against the deployed EAR,
 * a test DNS server for the DNS page, and screenshots of the main pages under
 * {@code target/screenshots} for a reviewer.
 */
package org.posthorn.systemtest.console;
