package jp.tenken.account;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountFieldsTest {

    @Test
    void usernamesOf3To64AllowedCharactersPass() {
        for (String name : new String[] {"abc", "admin", "t.yamada", "user_01", "a-b", "A".repeat(64), "..."}) {
            assertEquals(Optional.empty(), AccountFields.username(name), name);
        }
    }

    @Test
    void otherUsernamesAreNamedAsTheBadField() {
        for (String name : new String[] {null, "", "ab", "A".repeat(65), "with space", "山田", "a/b", "a@b.jp",
                "admin\n", "ａｂｃ"}) {
            Optional<FieldProblem> problem = AccountFields.username(name);
            assertTrue(problem.isPresent(), String.valueOf(name));
            assertEquals("username", problem.get().field());
        }
    }

    @Test
    void passwordsNeedTwelveCharactersCountedAsSeen() {
        assertEquals(Optional.empty(), AccountFields.password("123456789012"));
        assertEquals(Optional.empty(), AccountFields.password("情報セキュリティ対策基準"), "12 kanji and kana");
        assertEquals("password", AccountFields.password("12345678901").orElseThrow().field());
        assertEquals("password", AccountFields.password(null).orElseThrow().field());
        // 11 characters outside the BMP are 22 UTF-16 units, still 11 characters.
        assertTrue(AccountFields.password("𠀋".repeat(11)).isPresent());
        assertEquals(Optional.empty(), AccountFields.password("𠀋".repeat(12)));
    }

    @Test
    void aSecurityOfficerNeedsADepartment() {
        assertEquals("departments",
                AccountFields.departments(EnumSet.of(Role.SECURITY_OFFICER), Set.of()).orElseThrow().field());
        assertTrue(AccountFields.departments(EnumSet.of(Role.SECURITY_OFFICER, Role.AUDITOR), null).isPresent());
        assertEquals(Optional.empty(), AccountFields.departments(EnumSet.of(Role.SECURITY_OFFICER), Set.of("情報政策課")));
        assertEquals(Optional.empty(), AccountFields.departments(EnumSet.of(Role.AUDITOR), Set.of()));
    }
}
