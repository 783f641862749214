-- A vendor or a model may carry an announced cut-off (a retirement, an export rule coming into
-- force): decisions after it deny with cut_off, answers before it carry the date as an obligation.
alter table vendor add column cut_off_at timestamptz, add column cut_off_reason text;
alter table model add column cut_off_at timestamptz, add column cut_off_reason text;
