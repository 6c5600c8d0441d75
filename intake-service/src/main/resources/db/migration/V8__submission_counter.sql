-- Each session's next number (第n号) in a narrow row of its own: registration takes it as its last statement
-- (update ... returning), so the row is locked only from then until the commit, and a rolled-back registration
-- gives its number back with the rest of its transaction. The session row is no longer locked by registrations.
create table submission_counter (
    session_id  bigint primary key references session (id),
    next_number int not null check (next_number >= 1)
);

insert into submission_counter (session_id, next_number)
select se.id, coalesce(max(s.number), 0) + 1
from session se
left join submission s on s.session_id = se.id
group by se.id;

alter table session drop column next_number;
