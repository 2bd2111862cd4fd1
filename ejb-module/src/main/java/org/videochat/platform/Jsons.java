package org.videochat.platform;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON provider, looked up once. Every static {@code JSON.createXxx()} call looks the
 * provider up again through the ServiceLoader, which in an application server scans class
 * loaders: profiling showed it taking about a sixth of the app server's CPU under load.
 */
public final class Jsons {

    public static final JsonProvider JSON = JsonProvider.provider();

    private Jsons() {}
}
