package io.banli.assignment.unit;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.banli.kit.audit.AuditLog;
import io.banli.kit.problem.Problems;
import io.banli.kit.security.Caller;
import io.banli.kit.security.Roles;
import io.quarkus.panache.common.Sort;

/** Handling units: the office adds them; everyone signed in reads them, phones masked for outsiders. */
@ApplicationScoped
@Transactional
public class UnitService {

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    public UnitView add(NewUnit request) {
        if (Unit.count("name", request.name()) > 0) {
            throw Problems.problem(409, "duplicate-unit", "Conflict", "A unit named " + request.name() + " exists.");
        }
        Unit unit = new Unit();
        unit.name = request.name();
        unit.kind = request.kind();
        if (request.liaison() != null) {
            unit.liaisonName = request.liaison().name();
            unit.liaisonPhone = request.liaison().phone();
        }
        if (request.head() != null) {
            unit.headName = request.head().name();
            unit.headPhone = request.head().phone();
        }
        unit.persist();
        audit.record("unit.added", "unit", unit.id, unit.name);
        return view(unit);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UnitView> list() {
        return Unit.<Unit>listAll(Sort.by("id")).stream().map(this::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UnitView> find(long id) {
        return Unit.<Unit>findByIdOptional(id).map(this::view);
    }

    /** Phones are shown whole only to the office and to the unit's own people; masked for everyone else. */
    private UnitView view(Unit u) {
        boolean whole = caller.hasRole(Roles.OFFICE) || caller.unitId().filter(u.id::equals).isPresent();
        return new UnitView(u.id, u.name, u.kind, u.active, person(u.liaisonName, u.liaisonPhone, whole),
                person(u.headName, u.headPhone, whole));
    }

    private static Person person(String name, String phone, boolean whole) {
        if (name == null && phone == null) {
            return null;
        }
        return new Person(name, whole || phone == null || phone.length() < 7 ? phone
                : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4));
    }
}
