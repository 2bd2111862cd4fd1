package org.videochat.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.videochat.call.command.CallState;
import org.videochat.call.command.EndReason;

/**
 * Every language has every text: the bundles have the same keys with the same placeholders, and
 * every key the pages and scripts use exists (a missing one would show as its key).
 */
class MessageBundlesTest {

    private static final Path WEBAPP = Path.of("src/main/webapp");
    private static final Path BUNDLES = Path.of("src/main/resources/org/videochat/web");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    @Test
    void everyLanguageHasTheEnglishKeysAndPlaceholders() throws IOException {
        Properties english = bundle("messages.properties");
        List<Path> languages;
        try (Stream<Path> files = Files.list(BUNDLES)) {
            languages = files.filter(f -> f.getFileName().toString().matches("messages_[A-Za-z-]+\\.properties"))
                    .toList();
        }
        assertTrue(
                languages.stream().anyMatch(f -> f.endsWith("messages_ko.properties")),
                "Korean is there: " + languages);
        for (Path file : languages) {
            Properties other = bundle(file.getFileName().toString());
            Set<String> missing = new TreeSet<>(english.stringPropertyNames());
            missing.removeAll(other.stringPropertyNames());
            Set<String> extra = new TreeSet<>(other.stringPropertyNames());
            extra.removeAll(english.stringPropertyNames());
            assertTrue(
                    missing.isEmpty() && extra.isEmpty(),
                    file.getFileName() + " lacks " + missing + " and has extra " + extra);
            for (String key : english.stringPropertyNames()) {
                assertEquals(
                        placeholders(english.getProperty(key)),
                        placeholders(other.getProperty(key)),
                        "placeholders of " + key + " in " + file.getFileName());
            }
        }
    }

    @Test
    void everyKeyThePagesAndScriptsUseExists() throws IOException {
        Set<String> keys = bundle("messages.properties").stringPropertyNames();
        List<String> missing = new ArrayList<>();
        int pageKeys = 0;
        int scriptKeys = 0;
        int builtKeys = 0;
        for (Path page : files(".xhtml")) {
            Set<String> used = find(Pattern.compile("msg\\['([^']+)']"), page);
            pageKeys += used.size();
            used.stream().filter(k -> !keys.contains(k)).forEach(k -> missing.add(page + ": " + k));
        }
        for (Path script : files(".js")) {
            Set<String> used = find(Pattern.compile("\\bt\\('([^']+)'"), script);
            scriptKeys += used.size();
            used.stream().filter(k -> !keys.contains("js." + k)).forEach(k -> missing.add(script + ": " + k));
            // A key built in a template literal, t(`state.${s}`): at least one key must start with its fixed part.
            Set<String> prefixes = find(Pattern.compile("\\bt\\(`([^`$]*)\\$\\{"), script);
            builtKeys += prefixes.size();
            prefixes.stream()
                    .filter(p -> keys.stream().noneMatch(k -> k.startsWith("js." + p)))
                    .forEach(p -> missing.add(script + ": " + p + "…"));
        }
        // A pattern that no longer matches anything would make this test pass for nothing.
        assertTrue(pageKeys >= 20, "keys found in the pages: " + pageKeys);
        assertTrue(scriptKeys >= 20, "keys found in the scripts: " + scriptKeys);
        assertTrue(builtKeys >= 2, "keys built in template literals found in the scripts: " + builtKeys);
        assertTrue(missing.isEmpty(), "keys used but not in the bundle: " + missing);
    }

    @Test
    void everyStateReasonAndPresenceHasItsTexts() throws IOException {
        Set<String> keys = bundle("messages.properties").stringPropertyNames();
        List<String> wanted = new ArrayList<>();
        for (EndReason reason : EndReason.values()) {
            wanted.add("js.reason." + reason.wire());
            wanted.add("js.history." + reason.wire());
            wanted.add(reason == EndReason.NO_ANSWER ? "js.ended.no_answer.caller" : "js.ended." + reason.wire());
        }
        for (CallState state : CallState.values()) {
            wanted.add("js.state." + state.name());
            wanted.add("js.history." + state.name().toLowerCase(Locale.ROOT));
        }
        for (String presence : List.of("online", "in_call", "dnd", "offline")) {
            wanted.add("js.presence." + presence);
        }
        for (String connection : List.of("connecting", "connected", "reconnecting", "closed")) {
            wanted.add("js.connection." + connection);
        }
        wanted.removeAll(keys);
        assertTrue(wanted.isEmpty(), "missing: " + wanted);
    }

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/org/videochat/web/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> all = Files.walk(WEBAPP)) {
            return all.filter(p -> p.toString().endsWith(suffix)).toList();
        }
    }

    private static Set<String> find(Pattern pattern, Path file) throws IOException {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(Files.readString(file));
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
