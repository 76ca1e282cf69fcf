package org.posthorn.web.autoconfig;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import org.posthorn.ejb.discovery.ClientConfig;
import org.posthorn.ejb.discovery.ClientSetup;

/**
 * Mail client autoconfiguration, public by nature (no sign-in): {@code GET
 * /mail/config-v1.1.xml?emailaddress=user@domain}, which Thunderbird asks of {@code autoconfig.<domain>},
 * and the same at {@code /.well-known/autoconfig/mail/config-v1.1.xml}, which it asks of the domain
 * itself. Answers {@link ClientConfigXml} for a domain this server hosts, else 404.
 */
@WebServlet(urlPatterns = {"/mail/config-v1.1.xml", "/.well-known/autoconfig/mail/config-v1.1.xml"})
public class AutoconfigServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    ClientSetup clientSetup;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String domain = ClientConfigXml.domainAsked(request.getParameter("emailaddress"), request.getServerName());
        Optional<ClientConfig> config = domain == null ? Optional.empty() : clientSetup.forDomain(domain);
        if (config.isEmpty()) {
            // setStatus, not sendError: a plain answer for a program, not the console's error page.
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.setContentType("text/plain;charset=UTF-8");
            response.getOutputStream().write("No mail domain of this server.\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        response.setContentType("application/xml;charset=UTF-8");
        try {
            ClientConfigXml.write(config.get(), response.getOutputStream());
        } catch (XMLStreamException e) {
            throw new ServletException("writing the autoconfig file for " + config.get().domain(), e);
        }
    }
}
