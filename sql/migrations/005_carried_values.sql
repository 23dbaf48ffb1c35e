-- Supersession per indicator (issue 11): a later file of an agency replaces only the figures it carries. The figures
-- of the earlier file that the later one does not carry are copied into the later submission with carried_from
-- pointing at the row they came from (its source file and cell stay), so "the current submission" still holds every
-- figure that counts, and the history is unchanged.
alter table staged_values add column carried_from integer references staged_values (id);
create index staged_values_carried on staged_values (submission_id, carried_from);
