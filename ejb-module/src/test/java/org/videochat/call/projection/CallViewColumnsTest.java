package org.videochat.call.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.Column;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.videochat.call.command.Call;
import org.videochat.call.query.CallView;

/**
 * A call's columns are written in five places: the {@code call} entity, the migrations, the
 * projection's upsert, the status event and the {@code call_view} entity. This fails when the
 * command side gains a column that the view does not follow (or the other way round).
 */
class CallViewColumnsTest {

    /** Read by native queries only (the ring deadline of a ringing call), not mapped on CallView. */
    private static final Set<String> VIEW_ONLY_NATIVE = Set.of("ring_deadline");
    /** Set by the database's default, so the command entity does not map it. */
    private static final Set<String> DATABASE_DEFAULTS = Set.of("created_at");
    /** Never change once the call exists. */
    private static final Set<String> IMMUTABLE = Set.of("id", "caller", "callee", "created_at");

    @Test
    void theViewEntityMapsEveryColumnOfTheCommandEntity() {
        Set<String> command = columns(Call.class);
        Set<String> view = columns(CallView.class);
        view.addAll(VIEW_ONLY_NATIVE);
        command.addAll(DATABASE_DEFAULTS);
        assertEquals(command, view);
    }

    @Test
    void theProjectionsUpsertCopiesEveryColumnAndUpdatesTheMutableOnes() {
        Set<String> command = columns(Call.class);
        command.addAll(DATABASE_DEFAULTS);
        assertTrue(command.size() >= 13, "the entity's columns were found: " + command);
        String sql = CallProjection.UPSERT_VIEW;
        Set<String> inserted = Arrays.stream(
                        sql.substring(sql.indexOf('(') + 1, sql.indexOf(')')).split(","))
                .map(String::strip)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = new TreeSet<>(command);
        expected.add("source_lsn");
        assertEquals(expected, inserted, "the columns the upsert of call_view inserts");
        Set<String> notUpdated = command.stream()
                .filter(c -> !IMMUTABLE.contains(c) && !sql.contains(c + " = EXCLUDED." + c))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), notUpdated, "columns a later change of the call would not update in the view");
    }

    private static Set<String> columns(Class<?> entity) {
        return Arrays.stream(entity.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()))
                .filter(f -> !f.isAnnotationPresent(Transient.class) && !f.isAnnotationPresent(Version.class))
                .map(CallViewColumnsTest::column)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String column(Field field) {
        Column column = field.getAnnotation(Column.class);
        return column != null && !column.name().isEmpty() ? column.name() : field.getName();
    }
}
