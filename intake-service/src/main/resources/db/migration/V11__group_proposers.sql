-- 集体提案: a party organisation (民主党派), a people's organisation (人民团体), a CPPCC special committee
-- (专门委员会) or a sector group (界别) files proposals in its own right. It is a proposer on the register
-- (kind GROUP) with its type and its contact person (联系人), who receives the reply and rates it for the group.
-- The contact person's phone, e-mail and address sit in the row's contact columns: personal information, masked
-- like a member's. A contact person who is a CPPCC member is linked to their own record.
alter table member drop constraint member_kind_check;
alter table member
    add constraint member_kind_check check (kind in ('DEPUTY', 'CPPCC_MEMBER', 'GROUP')),
    alter column name type varchar(100),
    add column group_type        varchar(30),
    add column contact_name      varchar(50),
    add column contact_member_id bigint references member (id),
    add constraint member_group_shape check ((kind = 'GROUP') = (group_type is not null)
        and (kind = 'GROUP' or (contact_name is null and contact_member_id is null))
        and (kind <> 'GROUP' or contact_name is not null)),
    add constraint member_group_type check (group_type in ('PARTY', 'PEOPLES_ORGANISATION', 'SPECIAL_COMMITTEE',
        'SECTOR'));
