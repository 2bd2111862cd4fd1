package org.videochat.signaling.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class DeliveryTimesTest {

    @Test
    void liveDeliveriesGivePercentilesOverTheWindow() {
        DeliveryTimes times = new DeliveryTimes();
        for (int i = 1; i <= 100; i++) {
            // projected at 1000, stream open since 0, delivered i ms later, at 1000 + i
            times.delivered("bob", i, 1_000, 0, 1_000 + i);
        }
        DeliveryTimes.Stage stage = times.since(0);
        assertEquals(100, stage.count());
        assertEquals(50, stage.p50());
        assertEquals(95, stage.p95());
        assertEquals(10, times.since(1_091).count(), "only deliveries at or after the window's start");
    }

    @Test
    void aReplayAfterReconnectingIsTracedButNotALatency() {
        DeliveryTimes times = new DeliveryTimes();
        times.delivered("bob", 7, 1_000, 5_000, 6_000);
        assertEquals(0, times.since(0).count());
        assertEquals(6_000L, times.deliveredAt("bob", 7));
    }

    @Test
    void theFirstDeliveryOfAnEventIsTheOneTraced() {
        DeliveryTimes times = new DeliveryTimes();
        times.delivered("bob", 7, 1_000, 0, 1_010);
        times.delivered("bob", 7, 1_000, 0, 1_500); // another tab's stream
        assertEquals(1_010L, times.deliveredAt("bob", 7));
        assertNull(times.deliveredAt("bob", 8));
        assertNull(times.deliveredAt("carol", 7));
    }

    @Test
    void anEmptyWindowHasNoPercentiles() {
        assertEquals(new DeliveryTimes.Stage(0, 0, 0), new DeliveryTimes().since(0));
    }
}
