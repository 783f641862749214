-- Dependency ceilings on the operator's jurisdiction too (issue 22 item 3, with issue 19's
-- routes): "no more than 60% of confidential calls run by operators in one country".
alter table dependency_ceiling drop constraint dependency_ceiling_dimension_check;
alter table dependency_ceiling add constraint dependency_ceiling_dimension_check
    check (dimension in ('vendor', 'jurisdiction', 'operatorJurisdiction'));
