package org.videochat.bench;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/** Two signed-in people with an open event stream each and, once connected, a call between them. */
final class CallPair {

    final Session caller;
    final Session callee;
    final EventStream callerStream;
    final EventStream calleeStream;
    volatile String callId;
    private final List<BiConsumer<CallPair, EventStream.Event>> calleeListeners = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<CallPair, EventStream.Event>> callerListeners = new CopyOnWriteArrayList<>();

    CallPair(Client client, Session caller, Session callee) throws InterruptedException {
        this.caller = caller;
        this.callee = callee;
        this.callerStream = client.stream(caller, e -> callerListeners.forEach(l -> l.accept(this, e)));
        this.calleeStream = client.stream(callee, e -> calleeListeners.forEach(l -> l.accept(this, e)));
        if (!callerStream.awaitOpen(30) || !calleeStream.awaitOpen(30)) {
            throw new IllegalStateException(
                    "event streams of " + caller.username() + "/" + callee.username() + " did not open");
        }
    }

    void onCalleeEvent(BiConsumer<CallPair, EventStream.Event> listener) {
        calleeListeners.add(listener);
    }

    void onCallerEvent(BiConsumer<CallPair, EventStream.Event> listener) {
        callerListeners.add(listener);
    }

    /** Places a call and accepts it, so that signals can flow between the two. */
    void connect(Client client) throws Exception {
        callId = client.call(
                        caller,
                        "POST",
                        "api/calls",
                        "{\"callee\":\"" + callee.username() + "\",\"sdp\":" + json(Sdp.OFFER) + "}")
                .getString("id");
        client.call(
                callee,
                "POST",
                "api/calls/" + callId + "/accept",
                "{\"sdp\":" + json(Sdp.ANSWER) + ",\"device\":\"bench\"}");
    }

    void hangUp(Client client) throws Exception {
        if (callId != null) {
            client.send(caller, "POST", "api/calls/" + callId + "/hangup", null).get();
            callId = null;
        }
    }

    void close() {
        callerStream.close();
        calleeStream.close();
    }

    static String json(String s) {
        return jakarta.json.Json.createValue(s).toString();
    }
}
