package io.banli.intake.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.banli.intake.member.MemberKind;

/**
 * The members an import may name, loaded once per file: by id (Banli's own exports) and by name with their
 * 代表团 or 界别 (the standing committee's hand-over). A name must point at exactly one member of the right kind:
 * an unknown name, or one that two members share in the delegation given (or anywhere, when none is given), is
 * refused with the reason, never guessed.
 */
final class MemberDirectory {

    record Entry(long id, MemberKind kind, String name, String delegation) {
    }

    /** The member found, or why none is. */
    record Match(Long id, String problem) {
    }

    private final Map<Long, MemberKind> kinds = new HashMap<>();
    private final Map<String, List<Entry>> byName = new HashMap<>();

    MemberDirectory(List<Entry> members) {
        for (Entry m : members) {
            kinds.put(m.id(), m.kind());
            byName.computeIfAbsent(m.name(), n -> new ArrayList<>()).add(m);
        }
    }

    /** Members known by id and kind only (no names to match). */
    static MemberDirectory ofKinds(Map<Long, MemberKind> kinds) {
        return new MemberDirectory(kinds.entrySet().stream().map(e -> new Entry(e.getKey(), e.getValue(), "", ""))
                .toList());
    }

    boolean has(long id) {
        return kinds.containsKey(id);
    }

    MemberKind kindOf(long id) {
        return kinds.get(id);
    }

    /** The one member of this kind with this name (and delegation or sector, when given). */
    Match byName(MemberKind kind, String name, String delegation) {
        String who = kind == MemberKind.DEPUTY ? "deputy" : "CPPCC member";
        String where = delegation == null ? "" : " in " + delegation;
        List<Entry> found = byName.getOrDefault(name, List.of()).stream()
                .filter(m -> m.kind() == kind && (delegation == null || delegation.equals(m.delegation()))).toList();
        if (found.isEmpty()) {
            return new Match(null, "no " + who + " named " + name + where);
        }
        if (found.size() > 1) {
            return new Match(null, found.size() + (kind == MemberKind.DEPUTY ? " deputies" : " CPPCC members")
                    + " are named " + name + where + " ("
                    + found.stream().map(Entry::delegation).distinct().collect(Collectors.joining(", "))
                    + "): name the " + (kind == MemberKind.DEPUTY ? "delegation (代表团)" : "sector (界别)"));
        }
        return new Match(found.get(0).id(), null);
    }
}
