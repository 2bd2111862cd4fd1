package org.videochat.platform.web;

import static org.videochat.platform.Jsons.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The language a page speaks: the one the person chose on the page (remembered in a cookie),
 * else the best match of the browser's Accept-Language, else English. Every text comes from the
 * bundle {@code org.videochat.web.messages}; the call screen's scripts get the {@code js.*} keys
 * of the same bundle embedded in the page, so there is one file per language.
 */
@Named("language")
@RequestScoped
public class Language {

    public static final String BUNDLE = "org.videochat.web.messages";
    public static final String COOKIE = "videochat-lang";
    private static final String SCRIPT_PREFIX = "js.";

    @Inject
    HttpServletRequest request;

    @Inject
    @ConfigProperty(name = "videochat.i18n.languages")
    List<String> languages;

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            locale = choose();
        }
        return locale;
    }

    /** The language tag for {@code <html lang>} and for the scripts' date and number formats. */
    public String getTag() {
        return getLocale().toLanguageTag();
    }

    /** The languages offered by the switcher, each named in itself. */
    public List<Locale> getAvailable() {
        return languages.stream().map(Locale::forLanguageTag).toList();
    }

    public String nameOf(Locale language) {
        String name = language.getDisplayLanguage(language);
        return name.isEmpty() ? language.toLanguageTag() : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** The page's texts, for EL: {@code #{msg['page.home.title']}}. */
    @Produces
    @Named("msg")
    public ResourceBundle messages() {
        return bundle(getLocale());
    }

    /**
     * The bundle of exactly this language, falling back to English (messages.properties) and never
     * to the server's default locale.
     */
    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The scripts' texts (keys {@code js.*}, without the prefix) as a JSON object. */
    public String getScriptMessages() {
        ResourceBundle bundle = bundle(getLocale());
        var texts = JSON.createObjectBuilder();
        for (String key : Collections.list(bundle.getKeys())) {
            if (key.startsWith(SCRIPT_PREFIX)) {
                texts.add(key.substring(SCRIPT_PREFIX.length()), bundle.getString(key));
            }
        }
        return texts.build().toString();
    }

    private Locale choose() {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (COOKIE.equals(c.getName()) && languages.contains(c.getValue())) {
                    return Locale.forLanguageTag(c.getValue());
                }
            }
        }
        for (Locale wanted : Collections.list(request.getLocales())) {
            if (languages.contains(wanted.getLanguage())) {
                return Locale.forLanguageTag(wanted.getLanguage());
            }
        }
        return Locale.forLanguageTag(languages.get(0));
    }
}
