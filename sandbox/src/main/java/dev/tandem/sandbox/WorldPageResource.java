package dev.tandem.sandbox;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

/**
 * The world page at /sandbox/: static HTML and vanilla JS that call the world REST API. Served by
 * JAX-RS because the application owns every path of the WAR ("/"), which hides the default servlet.
 */
@Path("/")
public class WorldPageResource {

    @Context
    ServletContext servlet;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public InputStream page() {
        return index();
    }

    @GET
    @Path("index.html")
    @Produces(MediaType.TEXT_HTML)
    public InputStream index() {
        InputStream page = servlet.getResourceAsStream("/index.html");
        if (page == null) {
            throw new NotFoundException();
        }
        return page;
    }
}
