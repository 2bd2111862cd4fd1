package org.videochat.platform.web;

import java.util.regex.Pattern;
import org.videochat.platform.RequestRejected;

/** A client's name for one of its tabs or devices (random, chosen by the page). */
public final class Devices {

    private static final Pattern DEVICE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private Devices() {}

    /** @return the device id, null when absent; 400 when malformed */
    public static String check(String device) {
        if (device == null || device.isEmpty()) {
            return null;
        }
        if (!DEVICE.matcher(device).matches()) {
            throw RequestRejected.badRequest("invalid-device", "A device id has 1 to 64 letters, digits, '-' or '_'.");
        }
        return device;
    }
}
