package org.videochat.signaling.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.videochat.signaling.EventType;

/**
 * {@code /js/event-types.js}: the stream's event names for the call screen's scripts, written
 * from {@link EventType} so that Java and JavaScript cannot disagree.
 */
@WebServlet("/js/event-types.js")
public class EventTypesScript extends HttpServlet {

    static final String SCRIPT = script();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/javascript");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.getWriter().write(SCRIPT);
    }

    static String script() {
        String names = Arrays.stream(EventType.values())
                .map(t -> "  " + t.name() + ": '" + t.wireName() + "'")
                .collect(Collectors.joining(",\n"));
        String listened = Arrays.stream(EventType.values())
                .filter(t -> t != EventType.HEARTBEAT && t != EventType.RELAY)
                .map(t -> "EventType." + t.name())
                .collect(Collectors.joining(", "));
        return "// The signaling stream's event names, written by the server from org.videochat.signaling.EventType.\n"
                + "export const EventType = Object.freeze({\n" + names + "\n});\n"
                + "// The events a page hands to its handler (the heartbeat only proves the stream alive; relay is the benchmarks').\n"
                + "export const HANDLED_EVENT_TYPES = Object.freeze([" + listened + "]);\n";
    }
}
