package org.videochat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every configuration key the code reads is in microprofile-config.properties, with a comment
 * above it, and in the configuration table of docs/deploy.md; neither lists a key nobody reads.
 */
class ConfigurationKeysTest {

    private static final Path ROOT = Path.of("..");
    private static final Path PROPERTIES =
            ROOT.resolve("ejb-module/src/main/resources/META-INF/microprofile-config.properties");
    private static final Pattern READ = Pattern.compile(
            "(?:ConfigProperty\\(name = |getValue\\(|getOptionalValue\\()\"(videochat\\.[a-z0-9.-]+[a-z0-9])\"");
    /** LdapIdentityStore reads its keys as "videochat.ldap." + name. */
    private static final Pattern LDAP_READ = Pattern.compile("\\bvalue\\(\"([a-z-]+)\"\\)");

    private static final Pattern DOCUMENTED = Pattern.compile("`(videochat\\.[a-z0-9.-]+[a-z0-9])`");

    @Test
    void theCodeReadsExactlyTheKeysThePropertiesDefine() throws IOException {
        Set<String> read = new TreeSet<>();
        for (Path source : javaSources()) {
            String text = Files.readString(source);
            find(READ, text, "", read);
            if (source.endsWith("LdapIdentityStore.java")) {
                find(LDAP_READ, text, "videochat.ldap.", read);
            }
        }
        assertTrue(read.size() >= 40, "keys found in the code: " + read);
        assertSameKeys(propertyKeys(), read, "microprofile-config.properties", "the code");
    }

    @Test
    void everyKeyHasACommentAboveItsBlock() throws IOException {
        List<String> lines = Files.readAllLines(PROPERTIES);
        boolean commented = false;
        for (String line : lines) {
            if (line.isBlank()) {
                commented = false;
            } else if (line.startsWith("#")) {
                commented = true;
            } else {
                assertTrue(commented, "no comment says what this is for: " + line);
            }
        }
    }

    @Test
    void docsDeployListsExactlyTheKeysThePropertiesDefine() throws IOException {
        String deploy = Files.readString(ROOT.resolve("docs/deploy.md"));
        Set<String> documented = new TreeSet<>();
        deploy.lines()
                .filter(l -> l.startsWith("| `videochat."))
                .forEach(l -> find(DOCUMENTED, l.substring(0, l.indexOf(" | ", 2)), "", documented));
        assertSameKeys(propertyKeys(), documented, "microprofile-config.properties", "docs/deploy.md");
    }

    private static void assertSameKeys(Set<String> a, Set<String> b, String aName, String bName) {
        Set<String> onlyA = new TreeSet<>(a);
        onlyA.removeAll(b);
        Set<String> onlyB = new TreeSet<>(b);
        onlyB.removeAll(a);
        assertEquals(
                "",
                (onlyA.isEmpty() ? "" : "only in " + aName + ": " + onlyA + " ")
                        + (onlyB.isEmpty() ? "" : "only in " + bName + ": " + onlyB));
    }

    private static Set<String> propertyKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String line : Files.readAllLines(PROPERTIES)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                keys.add(line.substring(0, line.indexOf('=')).strip());
            }
        }
        return keys;
    }

    private static List<Path> javaSources() throws IOException {
        try (Stream<Path> files = Stream.concat(
                Files.walk(ROOT.resolve("ejb-module/src/main/java")),
                Files.walk(ROOT.resolve("web-module/src/main/java")))) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }

    private static void find(Pattern pattern, String text, String prefix, Set<String> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(prefix + m.group(1));
        }
    }
}
