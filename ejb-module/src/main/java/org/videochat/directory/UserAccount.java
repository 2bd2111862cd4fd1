package org.videochat.directory;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;

/** A person who can sign in and be called. The database identity store reads the same rows. */
@Entity
@Table(name = "app_user")
public class UserAccount {

    /** The usernames app_user accepts (its CHECK constraint): checked before anything is looked up. */
    private static final java.util.regex.Pattern USERNAME =
            java.util.regex.Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public static final int MAX_DISPLAY_NAME = 128;

    public static boolean isValidUsername(String username) {
        return username != null && USERNAME.matcher(username).matches();
    }

    /** A display name that fits the column: no control characters, at most 128 characters. */
    public static String fittingDisplayName(String displayName, String username) {
        String clean = displayName == null
                ? ""
                : displayName.replaceAll("\\p{Cntrl}", "").strip();
        if (clean.isEmpty()) {
            return username;
        }
        return clean.length() > MAX_DISPLAY_NAME ? clean.substring(0, MAX_DISPLAY_NAME) : clean;
    }

    @Id
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private boolean dnd;

    @Column(name = "dnd_changed_at")
    private OffsetDateTime dndChangedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "username"))
    @Column(name = "role")
    private Set<String> roles = new HashSet<>();

    protected UserAccount() {}

    public UserAccount(String username, String displayName, String passwordHash, Set<String> roles) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.roles = new HashSet<>(roles);
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean dnd() {
        return dnd;
    }

    /** When Do Not Disturb was last switched, or null if never. */
    public OffsetDateTime dndChangedAt() {
        return dndChangedAt;
    }

    public void setDnd(boolean dnd, OffsetDateTime at) {
        this.dnd = dnd;
        this.dndChangedAt = at;
    }

    public Set<String> roles() {
        return Set.copyOf(roles);
    }
}
