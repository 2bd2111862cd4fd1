package org.videochat.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UserAccountTest {

    @Test
    void usernamesAreWhatTheTableAccepts() {
        assertTrue(UserAccount.isValidUsername("alice"));
        assertTrue(UserAccount.isValidUsername("j.kim-2_x"));
        assertTrue(UserAccount.isValidUsername("a".repeat(64)));
        assertFalse(UserAccount.isValidUsername("a".repeat(65)));
        assertFalse(UserAccount.isValidUsername("Alice"));
        assertFalse(UserAccount.isValidUsername("-alice"));
        assertFalse(UserAccount.isValidUsername("al\u0000ice"));
        assertFalse(UserAccount.isValidUsername(""));
        assertFalse(UserAccount.isValidUsername(null));
    }

    @Test
    void displayNamesAreMadeToFit() {
        assertEquals("Alice Kim", UserAccount.fittingDisplayName(" Alice\u0000 Kim ", "alice"));
        assertEquals(
                128, UserAccount.fittingDisplayName("x".repeat(300), "alice").length());
        assertEquals("alice", UserAccount.fittingDisplayName("\u0007", "alice"));
        assertEquals("alice", UserAccount.fittingDisplayName(null, "alice"));
    }
}
