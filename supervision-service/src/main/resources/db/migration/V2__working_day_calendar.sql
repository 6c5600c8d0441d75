-- The working-day calendar is data: the State Council publishes each year's holidays and make-up
-- working days (调休), and the office loads them. A date not listed follows the week: Monday to
-- Friday work, Saturday and Sunday off.
create table calendar_year (
    year      int primary key,
    version   int          not null,
    loaded_at timestamptz  not null,
    loaded_by varchar(200) not null,
    source    varchar(500) not null
);

create table calendar_day (
    day     date primary key,
    year    int          not null references calendar_year (year),
    name    varchar(50)  not null,
    off_day boolean      not null
);
create index calendar_day_year on calendar_day (year);

-- Every load of a year, with the days it replaced: who changed what, when.
create table calendar_change (
    id         bigint generated always as identity primary key,
    year       int          not null,
    version    int          not null,
    changed_at timestamptz  not null,
    changed_by varchar(200) not null,
    previous   text,
    current    text         not null
);

insert into calendar_year (year, version, loaded_at, loaded_by, source) values
    (2025, 1, '2024-11-12T00:00:00Z', 'system', '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）'),
    (2026, 1, '2025-11-04T00:00:00Z', 'system', '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）');

insert into calendar_day (day, year, name, off_day)
select d::date, 2025, n, true from (values
    ('2025-01-01', '2025-01-01', '元旦'), ('2025-01-28', '2025-02-04', '春节'), ('2025-04-04', '2025-04-06', '清明节'),
    ('2025-05-01', '2025-05-05', '劳动节'), ('2025-05-31', '2025-06-02', '端午节'), ('2025-10-01', '2025-10-08', '国庆节、中秋节')
) as holiday(first, last, n), generate_series(first::date, last::date, interval '1 day') d;

insert into calendar_day (day, year, name, off_day)
select d::date, 2026, n, true from (values
    ('2026-01-01', '2026-01-03', '元旦'), ('2026-02-15', '2026-02-23', '春节'), ('2026-04-04', '2026-04-06', '清明节'),
    ('2026-05-01', '2026-05-05', '劳动节'), ('2026-06-19', '2026-06-21', '端午节'), ('2026-09-25', '2026-09-27', '中秋节'),
    ('2026-10-01', '2026-10-07', '国庆节')
) as holiday(first, last, n), generate_series(first::date, last::date, interval '1 day') d;

-- Make-up working days (调休上班): weekend days that are working days.
insert into calendar_day (day, year, name, off_day) values
    ('2025-01-26', 2025, '春节调休上班', false), ('2025-02-08', 2025, '春节调休上班', false),
    ('2025-04-27', 2025, '劳动节调休上班', false), ('2025-09-28', 2025, '国庆节调休上班', false),
    ('2025-10-11', 2025, '国庆节调休上班', false),
    ('2026-01-04', 2026, '元旦调休上班', false), ('2026-02-14', 2026, '春节调休上班', false),
    ('2026-02-28', 2026, '春节调休上班', false), ('2026-05-09', 2026, '劳动节调休上班', false),
    ('2026-09-20', 2026, '国庆节调休上班', false), ('2026-10-10', 2026, '国庆节调休上班', false);
