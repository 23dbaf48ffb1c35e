-- Desk (kehoach serve): staff accounts, their sessions, the upload links given to agencies, and the audit log of
-- every change made through the desk (who, when, what). Pipeline tables are not touched here.

create table desk_users (
  id integer primary key,
  -- login name, compared case-insensitively
  username text not null unique collate nocase,
  display_name text not null,
  -- chuyen_vien (everything but closing) | lanh_dao (also closing and reopening a period)
  role text not null check (role in ('chuyen_vien', 'lanh_dao')),
  -- scrypt$N$r$p$salt(base64)$hash(base64)
  password_hash text not null,
  created_at text not null,
  disabled integer not null default 0
);

-- One row per signed-in browser. The cookie holds the random id; only its SHA-256 is stored here.
create table desk_sessions (
  id_hash text primary key,
  user_id integer not null references desk_users (id),
  -- per-session CSRF token put in every form
  csrf_token text not null,
  created_at text not null,
  expires_at text not null
);

create index desk_sessions_user on desk_sessions (user_id);

-- An upload link for one agency and one period: the token carries id, agency, period and expiry, signed with the
-- desk secret; the row lets staff see and revoke it.
create table desk_upload_links (
  id integer primary key,
  agency_code text not null,
  period text not null,
  created_by text not null,
  created_at text not null,
  expires_at text not null,
  revoked_at text,
  note text
);

create index desk_upload_links_agency_period on desk_upload_links (agency_code, period);

-- Every change made through the desk: sign-in, run, upload, alias, narrative, report, closing. Never updated.
create table desk_audit_log (
  id integer primary key,
  at text not null,
  -- staff user name, or "đơn vị:<agency code>" for an upload through a link
  actor text not null,
  action text not null,
  period text,
  agency_code text,
  -- JSON with the details of the change
  detail text
);

create index desk_audit_log_period on desk_audit_log (period, at);
