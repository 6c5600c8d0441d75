package io.banli.intake.importing;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.context.ManagedExecutor;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.banli.intake.importing.ImportApi.JobView;
import io.banli.intake.importing.ImportApi.RejectedRow;
import io.banli.intake.session.Session;
import io.banli.kit.problem.Problems;
import io.banli.kit.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Starts an import job and shows it. The rows are read before any transaction; the job commits before the
 * {@link Importer} starts on a worker thread, which must find it.
 */
@ApplicationScoped
public class ImportService {

    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final int MAX_ROWS = 50_000;

    @Inject
    Importer importer;

    @Inject
    ObjectMapper mapper;

    @Inject
    Caller caller;

    @Inject
    ManagedExecutor executor;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** Reads the file, opens the job and starts the import in the background; returns the job's id. */
    public long start(long sessionId, String contentType, InputStream file) throws IOException {
        ImportJob.Format format = contentType.startsWith(CSV) ? ImportJob.Format.CSV
                : contentType.startsWith(XLSX) ? ImportJob.Format.XLSX : ImportJob.Format.JSON;
        // JSON and CSV are read as they arrive and reading stops at the first row over the cap; a workbook is a zip,
        // whose directory is at its end, so it is read whole (at most the body limit) and bounded before parsing.
        List<ImportRow> rows = switch (format) {
            case CSV -> RowReaders.csv(file, MAX_ROWS);
            case XLSX -> XlsxRows.read(file.readAllBytes(), MAX_ROWS);
            case JSON -> RowReaders.json(mapper, file, MAX_ROWS);
        };
        String actor = caller.name();
        String roles = caller.roles();
        long jobId = QuarkusTransaction.requiringNew().call(() -> {
            if (Session.findById(sessionId) == null) {
                throw Problems.unprocessable("unknown-session", "No session with id " + sessionId + ".");
            }
            ImportJob job = new ImportJob();
            job.sessionId = sessionId;
            job.format = format;
            job.state = ImportJob.State.RUNNING;
            job.total = rows.size();
            job.startedAt = clock.instant();
            job.startedBy = actor;
            job.persist();
            return job.id;
        });
        executor.runAsync(() -> importer.run(jobId, rows, actor, roles));
        return jobId;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public JobView view(long id) {
        ImportJob job = ImportJob.<ImportJob>findByIdOptional(id).orElseThrow(() -> Problems.notFound("import", id));
        List<RejectedRow> rejections = ((List<Object[]>) em.createNativeQuery(
                "select row_number, reason from import_rejection where job_id = :id order by row_number")
                .setParameter("id", id).getResultList()).stream()
                .map(r -> new RejectedRow(((Number) r[0]).intValue(), (String) r[1])).toList();
        return new JobView(job.id, job.sessionId, job.format, job.state, job.total, job.processed, job.accepted,
                job.skipped, job.rejected, job.startedAt, job.finishedAt, job.millis, rejections);
    }
}
