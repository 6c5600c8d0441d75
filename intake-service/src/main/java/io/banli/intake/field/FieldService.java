package io.banli.intake.field;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.banli.intake.field.FieldApi.FieldChange;
import io.banli.intake.field.FieldApi.FieldView;
import io.banli.kit.audit.AuditLog;
import io.quarkus.panache.common.Sort;

/** The taxonomy of subject fields: read by everyone, stored by the office with an audit entry. */
@ApplicationScoped
@Transactional
public class FieldService {

    @Inject
    AuditLog audit;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FieldView> list() {
        return SubjectField.<SubjectField>listAll(Sort.by("code")).stream().map(FieldView::of).toList();
    }

    /** Adds the field, or renames or retires it; a retired field keeps its items but takes no new ones. */
    public FieldView store(String code, FieldChange change) {
        SubjectField field = SubjectField.<SubjectField>findByIdOptional(code).orElseGet(() -> {
            SubjectField created = new SubjectField();
            created.code = code;
            return created;
        });
        field.name = change.name();
        field.active = change.active();
        field.persist();
        audit.record("field.stored", "field", code, field.name + (field.active ? "" : " (retired)"));
        return FieldView.of(field);
    }
}
