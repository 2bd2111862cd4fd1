package org.videochat.directory.web;

import static org.videochat.platform.Jsons.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.videochat.directory.People;
import org.videochat.platform.RequestRejected;

/** {@code GET /api/people?q=&page=&size=}: search colleagues by name or username, with presence. */
@Path("people")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "people", description = "The company directory")
public class PeopleResource {

    @Inject
    People people;

    @Inject
    @ConfigProperty(name = "videochat.directory.max-page-size")
    int maxPageSize;

    @GET
    @Operation(summary = "Search people; presence is online, in_call, dnd or offline")
    public JsonObject search(
            @QueryParam("q") String q, @QueryParam("page") String page, @QueryParam("size") String size) {
        if (q != null && (q.length() > 100 || q.chars().anyMatch(Character::isISOControl))) {
            throw RequestRejected.badRequest(
                    "invalid-query", "A search has at most 100 characters and no control characters.");
        }
        int p = number(page, 0, 0, 100_000, "page");
        int n = number(size, 20, 1, maxPageSize, "size");
        People.Page result = people.search(q, p, n);
        JsonArrayBuilder items = JSON.createArrayBuilder();
        result.people()
                .forEach(person -> items.add(JSON.createObjectBuilder()
                        .add("username", person.username())
                        .add("displayName", person.displayName())
                        .add("presence", person.presence())));
        return JSON.createObjectBuilder()
                .add("people", items)
                .add("page", p)
                .add("size", n)
                .add("total", result.total())
                .build();
    }

    private static int number(String text, int otherwise, int min, int max, String name) {
        if (text == null || text.isEmpty()) {
            return otherwise;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw RequestRejected.badRequest(
                "invalid-" + name, "'" + name + "' must be a number from " + min + " to " + max + ".");
    }
}
