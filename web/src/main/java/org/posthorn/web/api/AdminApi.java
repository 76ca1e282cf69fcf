package org.posthorn.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The JSON API under {@code /api}: the one source of truth for everything a person or script can do.
 * Resources and providers of this package are found by scanning.
 */
@ApplicationPath("/api")
public class AdminApi extends Application {
}
