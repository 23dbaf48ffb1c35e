-- Issue 9: an indicator measured for whole years only (GRDP per head, the poverty rate of the year-end review):
-- frequency = 'year'. A six-month report says "đánh giá cả năm" for it instead of judging half a year against the
-- year's plan. Null: reported for any period.

alter table indicators add column frequency text;
